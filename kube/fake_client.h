// An in-memory API server stand-in for unit tests of code that uses the role interfaces.
//
// What it models:
//  - one resourceVersion counter for all objects, bumped on every change (a no-op patch changes
//    nothing and bumps nothing), and metadata.uid, creationTimestamp and generation (1 on
//    create, +1 when anything outside metadata and status changes);
//  - kNotFound for missing objects, kConflict for an existing name on create and for a write
//    whose metadata.resourceVersion is stale; generateName; dryRun (nothing stored);
//  - JSON Patch and merge patch; patches of the main resource keep the stored status and
//    PatchStatus changes only the status, as if every kind had a status subresource;
//  - watches from a resourceVersion with ADDED/MODIFIED/DELETED/BOOKMARK events, kGone for a
//    version older than CompactHistory(), label selectors, and equality field selectors on
//    metadata.name and metadata.namespace;
//  - recorded Events, kept as values for assertions instead of stored objects.
//
// What it does NOT model: schemas, validation and defaulting; admission (webhooks, policies);
// RBAC; server-side apply, field managers and managedFields; strategic merge patch; finalizers,
// graceful deletion, owner references and garbage collection; pagination; watch events for an
// object that stops matching a label selector; kinds (every ResourceType is accepted as given).
// Tests that depend on any of these belong against the real API server.
//
// Thread-safe. Watch handlers run without the fake's lock held, so they may call back into it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kube/event_recorder.h"
#include "kube/object_reader.h"
#include "kube/object_writer.h"
#include "kube/status_writer.h"
#include "kube/watcher.h"

namespace ccspm::kube {

class FakeClient final : public ObjectReader,
                         public ObjectWriter,
                         public StatusWriter,
                         public Watcher,
                         public EventRecorder {
 public:
  struct RecordedEvent {
    ObjectReference object;
    EventType type;
    std::string reason;
    std::string message;
  };

  FakeClient() = default;

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

  // Ends OK after options.timeout (zero: never), on EndWatches(), or when stopped.
  Status Watch(const ResourceType& type, const WatchOptions& options, const WatchHandler& on_event,
               std::stop_token stop) override;

  Status RecordEvent(const ObjectReference& object, EventType type, std::string_view reason,
                     std::string_view message) override;

  // --- Test controls and inspection.

  std::vector<RecordedEvent> RecordedEvents() const;

  // The latest resourceVersion handed out, as the API server would report it.
  std::string CurrentResourceVersion() const;

  // Forgets history: a watch from any version before now fails with kGone.
  void CompactHistory();

  // Sends a BOOKMARK carrying the current resourceVersion to open watches of `type`.
  void Bookmark(const ResourceType& type);

  // Ends every open watch with OK, as a server-side timeout does.
  void EndWatches();

  size_t OpenWatches() const;
  bool WaitForOpenWatches(size_t count, std::chrono::milliseconds timeout) const;

 private:
  using Objects = std::map<std::string, std::shared_ptr<const JsonDocument>>;  // By ObjectKey.

  struct HistoryEntry {
    int64_t resource_version;
    std::string type_key;
    WatchEventType type;
    std::shared_ptr<const JsonDocument> object;
  };

  // Stores `updated` over `stored` (both under `key`) after the conflict and immutability
  // checks; `status_only` keeps everything but the status of `stored`. Requires mutex_.
  Result<JsonDocument> CommitUpdate(const ResourceType& type, const std::string& key,
                                    const JsonDocument& stored, JsonDocument updated,
                                    bool status_only, const WriteOptions& options);

  // Appends a change to the history and wakes watches. Requires mutex_.
  void Publish(const ResourceType& type, WatchEventType event_type,
               std::shared_ptr<const JsonDocument> object);

  mutable std::mutex mutex_;
  mutable std::condition_variable_any changed_;
  std::map<std::string, Objects> objects_;  // By type key "group/resource". Guarded by mutex_.
  std::vector<HistoryEntry> history_;       // Ordered by resource_version. Guarded by mutex_.
  std::vector<RecordedEvent> events_;       // Guarded by mutex_.
  int64_t resource_version_ = 0;            // Guarded by mutex_.
  int64_t compacted_before_ = 0;            // Guarded by mutex_.
  uint64_t end_generation_ = 0;             // Guarded by mutex_; EndWatches bumps it.
  size_t open_watches_ = 0;                 // Guarded by mutex_.
  uint64_t next_id_ = 0;                    // Guarded by mutex_; uids and generated names.
};

}  // namespace ccspm::kube
