// FakeClient::Watch and the watch controls: events replayed from an in-memory history.
#include <algorithm>
#include <charconv>

#include "kube/fake_client.h"
#include "kube/fake_client_support.h"
#include "kube/object_meta.h"

namespace ccspm::kube {

Status FakeClient::Watch(const ResourceType& type, const WatchOptions& options,
                         const WatchHandler& on_event, std::stop_token stop) {
  Result<fake::Filter> filter = fake::Filter::Parse(type.namespaced ? options.namespace_name : "",
                                                    options.label_selector, options.field_selector);
  if (!filter.ok()) return filter.status();
  const std::string type_key = fake::TypeKey(type);

  std::unique_lock<std::mutex> lock(mutex_);
  // Events to send before following the history: the current state when no version was given.
  std::vector<WatchEvent> pending;
  int64_t from = resource_version_;
  if (options.resource_version.empty() || options.resource_version == "0") {
    for (const auto& [key, object] : objects_[type_key]) {
      if (filter->Matches(*object))
        pending.push_back({WatchEventType::kAdded, fake::Copy(*object)});
    }
  } else {
    const std::string& text = options.resource_version;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), from);
    if (error != std::errc() || end != text.data() + text.size()) {
      return InvalidError("bad resourceVersion \"" + text + "\"");
    }
    if (from < compacted_before_) {
      return Status(ErrorKind::kGone, "too old resource version: " + text + " (" +
                                          std::to_string(compacted_before_) + ")");
    }
  }

  size_t cursor =
      static_cast<size_t>(std::upper_bound(history_.begin(), history_.end(), from,
                                           [](int64_t version, const HistoryEntry& entry) {
                                             return version < entry.resource_version;
                                           }) -
                          history_.begin());
  const uint64_t generation = end_generation_;
  const bool has_deadline = options.timeout.count() > 0;
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  ++open_watches_;
  changed_.notify_all();

  bool keep_going = true;
  while (keep_going) {
    for (; cursor < history_.size(); ++cursor) {
      const HistoryEntry& entry = history_[cursor];
      if (entry.type_key != type_key) continue;
      if (entry.type != WatchEventType::kBookmark && !filter->Matches(*entry.object)) continue;
      pending.push_back({entry.type, fake::Copy(*entry.object)});
    }

    // Handlers run unlocked so they can call back into the fake.
    lock.unlock();
    for (WatchEvent& event : pending) {
      if (!keep_going) break;
      keep_going = on_event(std::move(event));
    }
    pending.clear();
    lock.lock();
    if (!keep_going) break;

    auto woken = [&] { return cursor < history_.size() || end_generation_ != generation; };
    if (has_deadline) {
      changed_.wait_until(lock, stop, deadline, woken);
    } else {
      changed_.wait(lock, stop, woken);
    }
    // Changes made before the watch was ended or timed out are still delivered, so tests that
    // change something and then end watches see every change.
    bool open = end_generation_ == generation &&
                (!has_deadline || std::chrono::steady_clock::now() < deadline);
    keep_going = !stop.stop_requested() && (open || cursor < history_.size());
  }

  --open_watches_;
  changed_.notify_all();
  return Status::Ok();
}

void FakeClient::CompactHistory() {
  std::lock_guard<std::mutex> lock(mutex_);
  compacted_before_ = resource_version_;
}

void FakeClient::Bookmark(const ResourceType& type) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto bookmark = std::make_shared<JsonDocument>();
  bookmark->SetObject();
  auto& allocator = bookmark->GetAllocator();
  fake::SetString(*bookmark, "apiVersion", type.ApiVersion(), allocator);
  fake::SetString(*bookmark, "kind", type.kind, allocator);
  fake::SetString(fake::EnsureObjectMember(*bookmark, "metadata"), "resourceVersion",
                  std::to_string(resource_version_), allocator);
  history_.push_back(
      {resource_version_, fake::TypeKey(type), WatchEventType::kBookmark, std::move(bookmark)});
  changed_.notify_all();
}

void FakeClient::EndWatches() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++end_generation_;
  changed_.notify_all();
}

size_t FakeClient::OpenWatches() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_watches_;
}

bool FakeClient::WaitForOpenWatches(size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return open_watches_ >= count; });
}

}  // namespace ccspm::kube
