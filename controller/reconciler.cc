#include "controller/reconciler.h"

#include <set>

#include "engine/drift.h"
#include "engine/match.h"
#include "kube/object_meta.h"

namespace ccspm::controller {
namespace {

struct SplitFindings {
  std::vector<engine::DriftFinding> repaired;
  std::vector<engine::DriftFinding> reported;
};

SplitFindings Split(std::vector<engine::DriftFinding> findings) {
  SplitFindings split;
  for (engine::DriftFinding& finding : findings) {
    bool repairable =
        finding.action == engine::DriftAction::kRemediate && finding.violation.fixable;
    (repairable ? split.repaired : split.reported).push_back(std::move(finding));
  }
  return split;
}

// The repair as a JSON Patch that applies only to the version that was evaluated: if the object
// changed meanwhile, the API server refuses it and the next reconcile sees the new version.
JsonDocument ConditionalPatch(const std::vector<engine::PatchOp>& repair,
                              std::string_view resource_version) {
  std::vector<engine::PatchOp> ops;
  auto version = std::make_shared<JsonDocument>();
  version->SetString(resource_version.data(),
                     static_cast<rapidjson::SizeType>(resource_version.size()),
                     version->GetAllocator());
  ops.push_back({engine::PatchOp::Kind::kTest, "/metadata/resourceVersion", version});
  ops.insert(ops.end(), repair.begin(), repair.end());
  return engine::PatchDocument(ops);
}

std::string FindingKey(const engine::Violation& violation) {
  return violation.policy + "/" + violation.check + "/" + violation.path;
}

// Moves to `reported` the repaired findings that the stored object still has: the API server
// may store another value than the one written ("1000m" becomes "1") or drop an unknown field,
// and then the accepted patch repaired nothing. Saying "repaired" each time would be false.
void KeepOnlyRepaired(const engine::DriftPlan& after, SplitFindings& findings) {
  std::set<std::string> remaining;
  for (const engine::DriftFinding& finding : after.findings) {
    remaining.insert(FindingKey(finding.violation));
  }
  std::vector<engine::DriftFinding> repaired;
  for (engine::DriftFinding& finding : findings.repaired) {
    if (remaining.count(FindingKey(finding.violation)) == 0) {
      repaired.push_back(std::move(finding));
      continue;
    }
    finding.violation.message += " (not repairable: the API server did not keep the value)";
    findings.reported.push_back(std::move(finding));
  }
  findings.repaired = std::move(repaired);
}

}  // namespace

Result<ReconcileResult> Reconciler::Reconcile(const std::string& key) {
  std::optional<CachedObject> cached = cache_.Lookup(key);
  if (!cached.has_value() || cached->object == nullptr) {
    if (budget_ != nullptr) budget_->Forget(key);
    return ReconcileResult::kGone;
  }
  const JsonDocument& object = *cached->object;
  kube::ObjectReference reference = kube::ReferenceTo(object);

  engine::PolicySetPtr policies = policies_();
  std::shared_ptr<const JsonDocument> namespace_object;
  if (namespaces_ && !reference.namespace_name.empty()) {
    namespace_object = namespaces_(reference.namespace_name);
  }
  engine::CheckInputs inputs{nullptr, nullptr, namespace_object.get()};
  engine::DriftPlan plan =
      engine::PlanDrift(*policies, engine::ObjectIdentity::FromObject(object), object, inputs);
  if (!plan.drifted()) {
    // The repair budget is kept: being in sync right after our own repair is exactly what a
    // fight with another writer looks like between its changes.
    recorder_.Forget(reference);
    return ReconcileResult::kInSync;
  }

  SplitFindings findings = Split(std::move(plan.findings));
  if (!plan.repair.empty() && budget_ != nullptr && !budget_->TryRepair(key)) {
    // Another writer keeps undoing the repairs: stop answering each change with a patch and an
    // Event, and say so once. Repairs resume when the window has passed.
    for (engine::DriftFinding& finding : findings.repaired) {
      finding.violation.message += " (repair paused: the object keeps drifting back)";
      findings.reported.push_back(std::move(finding));
    }
    findings.repaired.clear();
    plan.repair.clear();
  }
  if (!plan.repair.empty()) {
    JsonDocument patch = ConditionalPatch(plan.repair, reference.resource_version);
    Result<JsonDocument> patched = writer_.Patch(
        cached->type, reference.namespace_name, reference.name, kube::PatchType::kJsonPatch, patch);
    if (!patched.ok()) return patched.status().Prefixed("repair " + key);

    engine::DriftPlan after = engine::PlanDrift(
        *policies, engine::ObjectIdentity::FromObject(*patched), *patched, inputs);
    KeepOnlyRepaired(after, findings);
    if (!findings.repaired.empty()) recorder_.Repaired(reference, findings.repaired);
  }

  if (findings.reported.empty()) return ReconcileResult::kRepaired;
  recorder_.Reported(reference, findings.reported);
  return findings.repaired.empty() ? ReconcileResult::kReported : ReconcileResult::kRepaired;
}

}  // namespace ccspm::controller
