// The Kubernetes API client: every role interface, over one Transport.
#pragma once

#include <memory>
#include <string>

#include "kube/event_aggregator.h"
#include "kube/event_builder.h"
#include "kube/event_recorder.h"
#include "kube/object_reader.h"
#include "kube/object_writer.h"
#include "kube/status_writer.h"
#include "kube/transport.h"
#include "kube/watcher.h"

namespace ccspm::kube {

struct ClientOptions {
  EventSource event_source;  // Who Events say they come from.
  int list_page_size = 500;  // List fetches in pages of this many objects (limit/continue).
  EventAggregatorOptions event_aggregation;  // How repeated Events are counted.
};

// Thread-safe: its mutable state is the transport, which is thread-safe, and the record of
// recent Events, which locks. Callers should depend on the narrowest interface they need, not
// on Client.
class Client final : public ObjectReader,
                     public ObjectWriter,
                     public StatusWriter,
                     public Watcher,
                     public EventRecorder {
 public:
  explicit Client(std::shared_ptr<Transport> transport, ClientOptions options = {});

  Result<JsonDocument> Get(const ResourceType& type, std::string_view ns,
                           std::string_view name) override;
  Result<ObjectList> List(const ResourceType& type, const ListOptions& options) override;

  Result<JsonDocument> Create(const ResourceType& type, std::string_view ns,
                              const JsonValue& object, const WriteOptions& options = {}) override;
  Result<JsonDocument> Patch(const ResourceType& type, std::string_view ns, std::string_view name,
                             PatchType patch_type, const JsonValue& patch,
                             const WriteOptions& options = {}) override;
  Status Delete(const ResourceType& type, std::string_view ns, std::string_view name,
                const WriteOptions& options = {}) override;

  Result<JsonDocument> PatchStatus(const ResourceType& type, std::string_view ns,
                                   std::string_view name, const JsonValue& merge_patch,
                                   const WriteOptions& options = {}) override;

  Status Watch(const ResourceType& type, const WatchOptions& options, const WatchHandler& on_event,
               std::stop_token stop) override;

  // A repeat of an Event recorded in the last 10 minutes (same object, type, reason and
  // message) patches that Event's count and lastTimestamp instead of creating a new one.
  Status RecordEvent(const ObjectReference& object, EventType type, std::string_view reason,
                     std::string_view message) override;

 private:
  // Sends `request` and decodes a 2xx JSON body; any other outcome is the mapped error.
  Result<JsonDocument> Exchange(const HttpRequest& request);

  Result<JsonDocument> SendPatch(const std::string& path, PatchType patch_type,
                                 const JsonValue& patch, const WriteOptions& options);

  std::shared_ptr<Transport> transport_;
  const ClientOptions options_;
  EventAggregator recent_events_;
};

}  // namespace ccspm::kube
