// Client::Watch: a watch stream decoded into events.
#include <string>

#include "kube/api_error.h"
#include "kube/client.h"
#include "kube/url.h"

namespace ccspm::kube {
namespace {

// The read timeout outlasts the server-side timeout, so the server ends a quiet watch cleanly
// rather than the client cutting it.
constexpr std::chrono::seconds kReadSlack{30};

}  // namespace

Status Client::Watch(const ResourceType& type, const WatchOptions& options,
                     const WatchHandler& on_event, std::stop_token stop) {
  std::string query = QueryString({{"watch", "true"},
                                   {"allowWatchBookmarks", "true"},
                                   {"resourceVersion", options.resource_version},
                                   {"labelSelector", options.label_selector},
                                   {"fieldSelector", options.field_selector},
                                   {"timeoutSeconds", std::to_string(options.timeout.count())}});
  HttpRequest request{.method = "GET",
                      .path = type.ApiPath(options.namespace_name) + query,
                      .timeout = options.timeout + kReadSlack};

  // The first bad line or ERROR event ends the stream; its status is what Watch returns.
  Status ended_with;
  auto on_line = [&](std::string_view line) {
    Result<WatchEvent> event = ParseWatchEvent(line);
    if (!event.ok()) {
      ended_with = event.status();
      return false;
    }
    if (event->type == WatchEventType::kError) {
      ended_with = StatusFromApiStatus(event->object);
      return false;
    }
    return on_event(std::move(event).value());
  };

  Status streamed = transport_->Stream(request, on_line, stop);
  if (!streamed.ok()) return streamed;
  return ended_with;
}

}  // namespace ccspm::kube
