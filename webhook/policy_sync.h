// Keeps a PolicyCache equal to the cluster's GoldenPolicies through an informer (list + watch).
#pragma once

#include <mutex>
#include <stop_token>

#include "kube/informer.h"
#include "kube/object_reader.h"
#include "kube/resource.h"
#include "kube/watcher.h"
#include "webhook/policy_cache.h"

namespace ccspm::webhook {

// ccspm.io/v1alpha1 goldenpolicies, cluster-scoped.
kube::ResourceType GoldenPolicyType();

class PolicySync {
 public:
  // `reader`, `watcher` and `cache` must outlive the sync.
  PolicySync(kube::ObjectReader& reader, kube::Watcher& watcher, PolicyCache& cache);

  PolicySync(const PolicySync&) = delete;
  PolicySync& operator=(const PolicySync&) = delete;

  void Start() { informer_.Start(); }
  void Stop() { informer_.Stop(); }

  // Blocks until the first list of GoldenPolicies is in the cache, then marks the cache synced
  // and returns true; returns false when `stop` is requested first. The informer keeps retrying
  // an unreachable API server meanwhile.
  bool WaitForSync(std::stop_token stop);

 private:
  // Rebuilds the cache from the informer's whole cache. The snapshot is taken under
  // refresh_mutex_, so the last rebuild to finish always saw the newest state.
  void Refresh();

  // Rebuilds per change once synced; the first list is loaded in one go by WaitForSync instead
  // of once per listed policy.
  void OnChange();

  PolicyCache& cache_;
  std::mutex refresh_mutex_;  // Serializes Refresh.
  kube::Informer informer_;   // Last: stopped and destroyed before the members it calls into.
};

}  // namespace ccspm::webhook
