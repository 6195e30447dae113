#include "kube/informer.h"

#include <condition_variable>
#include <utility>

#include "base/log.h"
#include "kube/object_meta.h"

namespace ccspm::kube {

Informer::Informer(ObjectReader& reader, Watcher& watcher, ResourceType type,
                   InformerOptions options, InformerHandlers handlers)
    : reader_(reader),
      watcher_(watcher),
      type_(std::move(type)),
      options_(std::move(options)),
      handlers_(std::move(handlers)) {}

Informer::~Informer() { Stop(); }

void Informer::Start() {
  thread_ = std::jthread([this](std::stop_token stop) { Run(stop); });
}

void Informer::Stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  // A handler calling Stop() would otherwise join its own thread; the loop still ends.
  if (thread_.get_id() == std::this_thread::get_id()) return;
  thread_.join();
}

bool Informer::HasSynced() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return synced_;
}

bool Informer::WaitForSync(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return synced_cv_.wait_for(lock, timeout, [this] { return synced_; });
}

std::shared_ptr<const JsonDocument> Informer::Get(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(key);
  return it == cache_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const JsonDocument>> Informer::Snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::shared_ptr<const JsonDocument>> objects;
  objects.reserve(cache_.size());
  for (const auto& [key, object] : cache_) objects.push_back(object);
  return objects;
}

void Informer::Run(std::stop_token stop) {
  Backoff backoff(options_.backoff, options_.jitter);
  SleepFunction sleep =
      options_.sleep ? options_.sleep : [](std::chrono::milliseconds delay, std::stop_token stop) {
        InterruptibleSleep(delay, stop);
      };
  bool need_list = true;
  bool just_listed = false;  // No watch has delivered anything since the last list.

  while (!stop.stop_requested()) {
    if (need_list) {
      Status listed = Relist();
      not_served_ = listed.kind() == ErrorKind::kNotFound;
      if (!listed.ok()) {
        log::Warn("informer list failed", {{log::key::kResourceKind, type_.kind},
                                           {log::key::kErrorKind, ErrorKindName(listed.kind())},
                                           {log::key::kError, listed.message()},
                                           {log::key::kAttempt, backoff.failures() + 1}});
        sleep(backoff.Next(), stop);
        continue;
      }
      need_list = false;
      just_listed = true;
    }

    int delivered = 0;
    WatchOptions watch{.namespace_name = options_.namespace_name,
                       .label_selector = options_.label_selector,
                       .resource_version = resource_version_,
                       .timeout = options_.watch_timeout};
    Status watched = watcher_.Watch(
        type_, watch,
        [&](WatchEvent event) {
          Apply(std::move(event), &delivered);
          return !stop.stop_requested();
        },
        stop);
    if (stop.stop_requested()) break;
    if (delivered > 0) just_listed = false;
    not_served_ = watched.kind() == ErrorKind::kNotFound;

    if (watched.kind() == ErrorKind::kGone) {
      log::Info("informer relisting", {{log::key::kResourceKind, type_.kind},
                                       {log::key::kResourceVersion, resource_version_},
                                       {log::key::kReason, watched.message()}});
      need_list = true;
      // 410 is the server's answer, not a failure: relist at once, whatever backoff earlier
      // errors built up (a reinstalled CRD would otherwise wait up to the cap). Only a watch
      // gone again right after its list, a server that cannot keep one, backs off.
      if (!just_listed) {
        backoff.Reset();
        continue;
      }
    } else if (!watched.ok()) {
      log::Warn("informer watch failed", {{log::key::kResourceKind, type_.kind},
                                          {log::key::kErrorKind, ErrorKindName(watched.kind())},
                                          {log::key::kError, watched.message()}});
    }

    // A watch that delivered events proved the connection healthy: go again at once. One that
    // delivered nothing, whatever its outcome, waits, so a failing server is not hammered.
    if (delivered > 0) {
      backoff.Reset();
      continue;
    }
    sleep(backoff.Next(), stop);
  }
}

Status Informer::Relist() {
  Result<ObjectList> list = reader_.List(type_, {.namespace_name = options_.namespace_name,
                                                 .label_selector = options_.label_selector});
  if (!list.ok()) return list.status();

  Cache fresh;
  for (JsonDocument& item : list->items) {
    std::string key = ObjectKey(item);
    fresh[key] = std::make_shared<const JsonDocument>(std::move(item));
  }

  std::vector<std::shared_ptr<const JsonDocument>> upserted;
  std::vector<std::shared_ptr<const JsonDocument>> deleted;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, object] : fresh) {
      auto old = cache_.find(key);
      if (old == cache_.end() ||
          ObjectResourceVersion(*old->second) != ObjectResourceVersion(*object)) {
        upserted.push_back(object);
      }
    }
    for (const auto& [key, object] : cache_) {
      if (!fresh.contains(key)) deleted.push_back(object);
    }
    cache_.swap(fresh);
  }
  resource_version_ = list->resource_version;

  for (const auto& object : deleted) {
    if (handlers_.on_delete) handlers_.on_delete(*object);
  }
  for (const auto& object : upserted) {
    if (handlers_.on_upsert) handlers_.on_upsert(*object);
  }

  log::Debug("informer listed", {{log::key::kResourceKind, type_.kind},
                                 {log::key::kCount, list->items.size()},
                                 {log::key::kResourceVersion, resource_version_}});
  {
    std::lock_guard<std::mutex> lock(mutex_);
    synced_ = true;
  }
  synced_cv_.notify_all();
  return Status::Ok();
}

void Informer::Apply(WatchEvent event, int* delivered) {
  ++*delivered;
  std::string_view version = ObjectResourceVersion(event.object);
  if (!version.empty()) resource_version_ = std::string(version);
  if (event.type == WatchEventType::kBookmark || event.type == WatchEventType::kError) return;

  auto object = std::make_shared<const JsonDocument>(std::move(event.object));
  std::string key = ObjectKey(*object);
  bool deleted = event.type == WatchEventType::kDeleted;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (deleted) {
      cache_.erase(key);
    } else {
      cache_[key] = object;
    }
  }

  const auto& handler = deleted ? handlers_.on_delete : handlers_.on_upsert;
  if (handler) handler(*object);
}

}  // namespace ccspm::kube
