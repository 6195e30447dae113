#include "engine/drift.h"

namespace ccspm::engine {

DriftPlan PlanDrift(const PolicySet& policies, const ObjectIdentity& identity,
                    const JsonValue& object, const CheckInputs& inputs) {
  DriftPlan plan;
  std::vector<PolicyMatch> matches = ApplicablePolicies(policies, identity, object, inputs);
  if (matches.empty()) return plan;

  JsonDocument mended;
  mended.CopyFrom(object, mended.GetAllocator());
  for (const PolicyMatch& match : matches) {
    for (Violation& violation : CheckPolicy(match, mended, inputs)) {
      plan.findings.push_back({std::move(violation), match.policy->drift});
    }
    if (match.policy->drift == DriftAction::kRemediate) {
      ApplyGoldenSettings(*match.policy, match.how, FixScope::kEnforceAll, mended, &plan.repair);
    }
  }
  return plan;
}

}  // namespace ccspm::engine
