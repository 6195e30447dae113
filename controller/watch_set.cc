#include "controller/watch_set.h"

#include <algorithm>

#include "base/log.h"
#include "kube/object_meta.h"

namespace ccspm::controller {

std::string ResourceId(const kube::ResourceType& type) {
  return type.group + "/" + type.version + "/" + type.resource;
}

WatchSet::WatchSet(kube::ObjectReader& reader, kube::Watcher& watcher, WorkQueue& queue,
                   std::vector<std::string> excluded_namespaces,
                   kube::InformerOptions informer_options)
    : reader_(reader),
      watcher_(watcher),
      queue_(queue),
      excluded_namespaces_(std::move(excluded_namespaces)),
      informer_options_(std::move(informer_options)) {}

WatchSet::~WatchSet() { StopAll(); }

void WatchSet::Queue(const kube::ResourceType& type, const JsonValue& object) {
  std::string_view ns = kube::ObjectNamespace(object);
  if (std::find(excluded_namespaces_.begin(), excluded_namespaces_.end(), ns) !=
      excluded_namespaces_.end()) {
    return;
  }
  queue_.Add(QueueKey(type, object));
}

std::unique_ptr<kube::Informer> WatchSet::NewInformer(const kube::ResourceType& type) {
  kube::InformerHandlers handlers;
  handlers.on_upsert = [this, type](const JsonDocument& object) { Queue(type, object); };
  // A deleted object needs no repair; the reconcile of its key finds it gone and forgets it.
  handlers.on_delete = [this, type](const JsonDocument& object) { Queue(type, object); };
  return std::make_unique<kube::Informer>(reader_, watcher_, type, informer_options_,
                                          std::move(handlers));
}

void WatchSet::WatchExactly(const std::vector<kube::ResourceType>& types) {
  std::vector<std::unique_ptr<kube::Informer>> retired;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::map<std::string, Watched> next;
    for (const kube::ResourceType& type : types) {
      std::string id = ResourceId(type);
      if (next.count(id) != 0) continue;
      auto existing = watched_.find(id);
      if (existing != watched_.end()) {
        next.emplace(id, std::move(existing->second));
        watched_.erase(existing);
        continue;
      }
      Watched watched{type, NewInformer(type)};
      watched.informer->Start();
      log::Info("watch started",
                {{log::key::kResourceGroup, type.group}, {log::key::kResourceKind, type.kind}});
      next.emplace(id, std::move(watched));
    }
    for (auto& [id, watched] : watched_) {
      log::Info("watch stopped", {{log::key::kResourceGroup, watched.type.group},
                                  {log::key::kResourceKind, watched.type.kind}});
      retired.push_back(std::move(watched.informer));
    }
    watched_ = std::move(next);
  }
  // Joined outside the lock, so reconciles looking up other types do not wait for them.
  for (auto& informer : retired) informer->Stop();
}

void WatchSet::QueueAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, watched] : watched_) {
    for (const auto& object : watched.informer->Snapshot()) Queue(watched.type, *object);
  }
}

bool WatchSet::Synced() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::all_of(watched_.begin(), watched_.end(),
                     [](const auto& entry) { return entry.second.informer->HasSynced(); });
}

size_t WatchSet::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return watched_.size();
}

std::optional<CachedObject> WatchSet::Lookup(const std::string& key) const {
  size_t bar = key.find('|');
  if (bar == std::string::npos) return std::nullopt;

  std::lock_guard<std::mutex> lock(mutex_);
  auto it = watched_.find(key.substr(0, bar));
  if (it == watched_.end()) return std::nullopt;
  return CachedObject{it->second.type, it->second.informer->Get(key.substr(bar + 1))};
}

std::vector<kube::ResourceType> WatchSet::TypesNotServed() const {
  std::vector<kube::ResourceType> types;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [id, watched] : watched_) {
    if (watched.informer->NotServed()) types.push_back(watched.type);
  }
  return types;
}

void WatchSet::StopAll() { WatchExactly({}); }

}  // namespace ccspm::controller
