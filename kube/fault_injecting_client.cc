#include "kube/fault_injecting_client.h"

namespace ccspm::kube {

Status InjectedConflict() {
  return Status(ErrorKind::kConflict, "injected: the object has been modified");
}

Status InjectedGone() { return Status(ErrorKind::kGone, "injected: too old resource version"); }

Status InjectedTimeout() { return UnavailableError("injected: request timed out"); }

FaultInjectingClient::FaultInjectingClient(ObjectReader& reader, ObjectWriter& writer,
                                           StatusWriter& status_writer, Watcher& watcher,
                                           EventRecorder& recorder)
    : reader_(reader),
      writer_(writer),
      status_writer_(status_writer),
      watcher_(watcher),
      recorder_(recorder) {}

void FaultInjectingClient::FailNext(Operation operation, Status status, int times) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (int i = 0; i < times; ++i) faults_[operation].push_back(status);
}

void FaultInjectingClient::EndNextWatchAfter(int events, Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  watch_cuts_.push_back({events, std::move(status)});
}

int FaultInjectingClient::Calls(Operation operation) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = calls_.find(operation);
  return it == calls_.end() ? 0 : it->second;
}

std::optional<Status> FaultInjectingClient::TakeFault(Operation operation) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++calls_[operation];
  std::deque<Status>& queue = faults_[operation];
  if (queue.empty()) return std::nullopt;
  Status fault = std::move(queue.front());
  queue.pop_front();
  return fault;
}

std::optional<FaultInjectingClient::WatchCut> FaultInjectingClient::TakeWatchCut() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (watch_cuts_.empty()) return std::nullopt;
  WatchCut cut = std::move(watch_cuts_.front());
  watch_cuts_.pop_front();
  return cut;
}

Result<JsonDocument> FaultInjectingClient::Get(const ResourceType& type, std::string_view ns,
                                               std::string_view name) {
  if (auto fault = TakeFault(Operation::kGet)) return *fault;
  return reader_.Get(type, ns, name);
}

Result<ObjectList> FaultInjectingClient::List(const ResourceType& type,
                                              const ListOptions& options) {
  if (auto fault = TakeFault(Operation::kList)) return *fault;
  return reader_.List(type, options);
}

Result<JsonDocument> FaultInjectingClient::Create(const ResourceType& type, std::string_view ns,
                                                  const JsonValue& object,
                                                  const WriteOptions& options) {
  if (auto fault = TakeFault(Operation::kCreate)) return *fault;
  return writer_.Create(type, ns, object, options);
}

Result<JsonDocument> FaultInjectingClient::Patch(const ResourceType& type, std::string_view ns,
                                                 std::string_view name, PatchType patch_type,
                                                 const JsonValue& patch,
                                                 const WriteOptions& options) {
  if (auto fault = TakeFault(Operation::kPatch)) return *fault;
  return writer_.Patch(type, ns, name, patch_type, patch, options);
}

Status FaultInjectingClient::Delete(const ResourceType& type, std::string_view ns,
                                    std::string_view name, const WriteOptions& options) {
  if (auto fault = TakeFault(Operation::kDelete)) return *fault;
  return writer_.Delete(type, ns, name, options);
}

Result<JsonDocument> FaultInjectingClient::PatchStatus(const ResourceType& type,
                                                       std::string_view ns, std::string_view name,
                                                       const JsonValue& merge_patch,
                                                       const WriteOptions& options) {
  if (auto fault = TakeFault(Operation::kPatchStatus)) return *fault;
  return status_writer_.PatchStatus(type, ns, name, merge_patch, options);
}

Status FaultInjectingClient::Watch(const ResourceType& type, const WatchOptions& options,
                                   const WatchHandler& on_event, std::stop_token stop) {
  if (auto fault = TakeFault(Operation::kWatch)) return *fault;
  std::optional<WatchCut> cut = TakeWatchCut();
  if (!cut) return watcher_.Watch(type, options, on_event, stop);

  // Count events through; once enough went by, end the inner watch and report the cut.
  int delivered = 0;
  bool cut_reached = false;
  Status inner = watcher_.Watch(
      type, options,
      [&](WatchEvent event) {
        bool more = on_event(std::move(event));
        if (++delivered >= cut->events) cut_reached = true;
        return more && !cut_reached;
      },
      stop);
  return cut_reached ? cut->status : inner;
}

Status FaultInjectingClient::RecordEvent(const ObjectReference& object, EventType type,
                                         std::string_view reason, std::string_view message) {
  if (auto fault = TakeFault(Operation::kRecordEvent)) return *fault;
  return recorder_.RecordEvent(object, type, reason, message);
}

}  // namespace ccspm::kube
