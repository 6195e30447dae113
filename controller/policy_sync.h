// Follows the GoldenPolicies: when they change, rebuild the policy set, write each policy's
// Ready condition, and point the drift loop's watches at the kinds the policies match.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "controller/metrics.h"
#include "controller/watch_set.h"
#include "engine/policy_loader.h"
#include "engine/policy_set.h"
#include "kube/discovery.h"
#include "kube/informer.h"
#include "kube/status_writer.h"

namespace ccspm::controller {

// The GoldenPolicy resource (cluster-scoped).
kube::ResourceType GoldenPolicyType();

struct WatchedTypes {
  std::vector<kube::ResourceType> types;
  // Kinds the cluster does not serve (yet), with why: "group/Kind: reason".
  std::vector<std::string> unresolved;
  size_t wildcards = 0;  // Wildcard kinds, left to admission.
};

// The resource types the drift loop must watch for `policies`: each listed kind, plus the pod
// controller kinds for policies on Pods. Wildcard kinds are left out with a log line.
// Limitation: wildcard kinds ("*", "apps/*") apply at admission only, because watching every
// resource type of a cluster would cost more than the drift loop is worth.
WatchedTypes WatchedTypesFor(const engine::PolicySet& policies, kube::ResourceResolver& resolver);

// Thread-safe. Changes are coalesced: many policy events in a burst cause one rebuild. Every
// `unresolved_retry` it also follows the kinds the cluster serves: while a policy names a kind
// the cluster does not serve, the kinds are resolved again, so a CRD installed after its policy
// is watched within that time (the resolver bounds how often it asks the API server); a watched
// kind answered 404 (its CRD deleted) is forgotten by the resolver and its watch stopped.
class PolicySync {
 public:
  PolicySync(kube::ObjectReader& reader, kube::Watcher& watcher, kube::StatusWriter& status,
             kube::ResourceResolver& resolver, WatchSet& watch_set, Metrics& metrics,
             kube::InformerOptions informer_options,
             std::chrono::milliseconds unresolved_retry = std::chrono::seconds(10));
  ~PolicySync();

  void Start();
  void Stop();

  // The policies in force; never null.
  engine::PolicySetPtr Current() const;

  // True once the policies were listed and the first rebuild finished.
  bool Synced() const;

 private:
  void Run(std::stop_token stop);
  void Rebuild();
  void FollowServedKinds();
  void Watch(const WatchedTypes& watched);
  void WriteConditions(const std::vector<std::shared_ptr<const JsonDocument>>& objects,
                       const std::vector<engine::PolicyLoadError>& errors);
  void MarkDirty();

  kube::StatusWriter& status_;
  kube::ResourceResolver& resolver_;
  WatchSet& watch_set_;
  Metrics& metrics_;
  kube::Informer informer_;
  const std::chrono::milliseconds unresolved_retry_;

  mutable std::mutex mutex_;
  std::condition_variable_any changed_;
  bool dirty_ = false;                                                    // Guarded by mutex_.
  bool synced_ = false;                                                   // Guarded by mutex_.
  engine::PolicySetPtr current_ = std::make_shared<engine::PolicySet>();  // Guarded by mutex_.
  std::string last_fingerprint_;   // Names and generations of the last rebuild; Run's thread.
  size_t watched_types_ = 0;       // Types the watch set was last given; Run's thread.
  bool kinds_unresolved_ = false;  // Some policy kind is not served yet; Run's thread.
  std::jthread thread_;
};

}  // namespace ccspm::controller
