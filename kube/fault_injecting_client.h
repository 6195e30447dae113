// A wrapper that makes chosen calls fail, for testing retries, relists and timeouts.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>

#include "kube/event_recorder.h"
#include "kube/object_reader.h"
#include "kube/object_writer.h"
#include "kube/status_writer.h"
#include "kube/watcher.h"

namespace ccspm::kube {

enum class Operation { kGet, kList, kCreate, kPatch, kPatchStatus, kDelete, kWatch, kRecordEvent };

// The failures the API server and the network produce.
Status InjectedConflict();  // 409: another writer won.
Status InjectedGone();      // 410: the resource version expired.
Status InjectedTimeout();   // No answer in time.

// Forwards every call to the wrapped implementation unless a fault is queued for it. Thread-safe
// when the wrapped implementation is.
class FaultInjectingClient final : public ObjectReader,
                                   public ObjectWriter,
                                   public StatusWriter,
                                   public Watcher,
                                   public EventRecorder {
 public:
  FaultInjectingClient(ObjectReader& reader, ObjectWriter& writer, StatusWriter& status_writer,
                       Watcher& watcher, EventRecorder& recorder);

  // Wraps one object implementing every interface (Client, FakeClient). It must outlive this.
  template <typename Inner>
  explicit FaultInjectingClient(Inner& inner)
      : FaultInjectingClient(inner, inner, inner, inner, inner) {}

  // The next `times` calls of `operation` return `status` without reaching the wrapped client.
  void FailNext(Operation operation, Status status, int times = 1);

  // The next watch that gets as far as delivering `events` events ends right after them with
  // `status`, as a mid-stream ERROR event or a dropped connection does.
  void EndNextWatchAfter(int events, Status status);

  // Calls of `operation` so far, failed ones included.
  int Calls(Operation operation) const;

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
  Status RecordEvent(const ObjectReference& object, EventType type, std::string_view reason,
                     std::string_view message) override;

 private:
  struct WatchCut {
    int events;
    Status status;
  };

  // Counts the call and pops its queued fault, if any.
  std::optional<Status> TakeFault(Operation operation);
  std::optional<WatchCut> TakeWatchCut();

  ObjectReader& reader_;
  ObjectWriter& writer_;
  StatusWriter& status_writer_;
  Watcher& watcher_;
  EventRecorder& recorder_;

  mutable std::mutex mutex_;
  std::map<Operation, std::deque<Status>> faults_;  // Guarded by mutex_.
  std::map<Operation, int> calls_;                  // Guarded by mutex_.
  std::deque<WatchCut> watch_cuts_;                 // Guarded by mutex_.
};

}  // namespace ccspm::kube
