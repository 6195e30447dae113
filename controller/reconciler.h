// Reconciles one object with the golden configuration: gather (from the cache), evaluate (pure,
// in the engine), write only when something drifted, record, and return the outcome. Retries
// are not decided here: an error goes back to the caller, which owns the backoff.
#pragma once

#include <functional>
#include <string>

#include "controller/drift_recorder.h"
#include "controller/metrics.h"
#include "controller/object_cache.h"
#include "controller/repair_budget.h"
#include "engine/policy_set.h"
#include "kube/object_writer.h"

namespace ccspm::controller {

using PolicySource = std::function<engine::PolicySetPtr()>;

// The Namespace object named `name` as last seen, or nullptr. Must be thread-safe.
using NamespaceLookup =
    std::function<std::shared_ptr<const JsonDocument>(const std::string& name)>;

class Reconciler {
 public:
  // `namespaces` may be empty: CEL's namespaceObject is then null. `budget` may be null: no
  // limit on how often one object is repaired.
  Reconciler(PolicySource policies, const ObjectCache& cache, kube::ObjectWriter& writer,
             DriftRecorder& recorder, NamespaceLookup namespaces = {},
             RepairBudget* budget = nullptr)
      : policies_(std::move(policies)),
        cache_(cache),
        writer_(writer),
        recorder_(recorder),
        namespaces_(std::move(namespaces)),
        budget_(budget) {}

  // Thread-safe for distinct keys; the work queue never hands one key to two workers.
  Result<ReconcileResult> Reconcile(const std::string& key);

 private:
  PolicySource policies_;
  const ObjectCache& cache_;
  kube::ObjectWriter& writer_;
  DriftRecorder& recorder_;
  NamespaceLookup namespaces_;
  RepairBudget* budget_;
};

}  // namespace ccspm::controller
