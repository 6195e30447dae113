// Following changes to a collection from a resource version on.
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>

#include "base/status.h"
#include "kube/resource.h"
#include "kube/watch_event.h"

namespace ccspm::kube {

struct WatchOptions {
  std::string namespace_name;  // "" watches every namespace.
  std::string label_selector;
  std::string field_selector;
  std::string resource_version;  // Events after this version; "" starts with the current state.
  std::chrono::seconds timeout{300};  // The server ends the watch (OK) after about this long.
};

// Called per event, in order, on the watching thread. Return false to end the watch.
using WatchHandler = std::function<bool(WatchEvent event)>;

// Implementations are thread-safe; each Watch call is an independent stream.
class Watcher {
 public:
  virtual ~Watcher() = default;

  // Blocks, calling `on_event` for ADDED, MODIFIED, DELETED and BOOKMARK events (bookmarks are
  // always requested). Returns OK when the server ends the watch, `on_event` returns false or
  // `stop` is requested (promptly, even when no event is arriving). An ERROR event is never
  // delivered: it ends the watch with its mapped Status, kGone for an expired resource version,
  // after which the caller must list again.
  virtual Status Watch(const ResourceType& type, const WatchOptions& options,
                       const WatchHandler& on_event, std::stop_token stop) = 0;
};

}  // namespace ccspm::kube
