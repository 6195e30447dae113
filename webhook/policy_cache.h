// The policy set the webhook evaluates right now, rebuilt whenever the GoldenPolicies change.
//
// Request threads take a reference to the current set and evaluate it without any lock held;
// a rebuild parses outside the lock and only swaps a pointer under it, so neither side waits on
// the other for longer than a pointer copy. Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/json.h"
#include "engine/policy_set.h"
#include "webhook/metrics.h"

namespace ccspm::webhook {

class PolicyCache {
 public:
  // `metrics` may be nullptr; it must outlive the cache otherwise.
  explicit PolicyCache(Metrics* metrics) : metrics_(metrics) {}

  // The current set, or nullptr before the first Replace.
  engine::PolicySetPtr Current() const;

  // Parses `policies` (GoldenPolicy objects, e.g. an informer's snapshot) into a new set and
  // makes it current. An invalid policy is left out and counted in ccspm_policy_load_errors;
  // the valid ones still apply. Each distinct error is logged once, not on every rebuild.
  // Returns how many were left out. Calls are serialized, so the last one wins.
  size_t Replace(const std::vector<const JsonValue*>& policies);

  // Readiness: set once the policy informer has listed every GoldenPolicy and Replace has seen
  // them, so the webhook never answers from a partial set after startup.
  void MarkSynced() { synced_ = true; }
  bool synced() const { return synced_; }

 private:
  Metrics* metrics_;
  std::atomic<bool> synced_{false};

  std::mutex replace_mutex_;               // Serializes Replace.
  std::set<std::string> reported_errors_;  // Guarded by replace_mutex_.

  mutable std::mutex mutex_;
  engine::PolicySetPtr current_;  // Guarded by mutex_.
};

}  // namespace ccspm::webhook
