// The informers of the drift loop: one per resource type the policies match, started and
// stopped as policies come and go. Their caches are what reconciles read.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "controller/object_cache.h"
#include "controller/work_queue.h"
#include "kube/informer.h"

namespace ccspm::controller {

// Thread-safe: every member may be called from any thread.
class WatchSet final : public ObjectCache {
 public:
  // `reader` and `watcher` must outlive the set. Objects in `excluded_namespaces` are never
  // queued.
  WatchSet(kube::ObjectReader& reader, kube::Watcher& watcher, WorkQueue& queue,
           std::vector<std::string> excluded_namespaces, kube::InformerOptions informer_options);
  ~WatchSet() override;

  // Watches exactly `types`: starts informers for new ones and stops the others.
  void WatchExactly(const std::vector<kube::ResourceType>& types);

  // Queues every cached object, after the policies changed.
  void QueueAll();

  // True when every informer has listed once.
  bool Synced() const;

  size_t size() const;

  // The watched types the API server answers 404 for (their CRD deleted).
  std::vector<kube::ResourceType> TypesNotServed() const;

  std::optional<CachedObject> Lookup(const std::string& key) const override;

  void StopAll();

 private:
  struct Watched {
    kube::ResourceType type;
    std::unique_ptr<kube::Informer> informer;
  };

  void Queue(const kube::ResourceType& type, const JsonValue& object);
  std::unique_ptr<kube::Informer> NewInformer(const kube::ResourceType& type);

  kube::ObjectReader& reader_;
  kube::Watcher& watcher_;
  WorkQueue& queue_;
  const std::vector<std::string> excluded_namespaces_;
  const kube::InformerOptions informer_options_;

  mutable std::mutex mutex_;
  std::map<std::string, Watched> watched_;  // By "<group>/<version>/<resource>"; mutex_.
};

// "<group>/<version>/<resource>", the resource part of a queue key.
std::string ResourceId(const kube::ResourceType& type);

}  // namespace ccspm::controller
