// Drift: how a stored object differs from the golden configuration, and the patch that puts it
// back. Pure: the controller gathers the object, calls this, and writes the patch.
#pragma once

#include <vector>

#include "base/json.h"
#include "engine/check.h"
#include "engine/golden.h"
#include "engine/json_patch.h"
#include "engine/policy_set.h"

namespace ccspm::engine {

struct DriftFinding {
  Violation violation;
  DriftAction action = DriftAction::kReport;
};

struct DriftPlan {
  std::vector<DriftFinding> findings;  // Every drifted place, whatever its policy's action.
  std::vector<PatchOp> repair;         // Mends the findings of Remediate policies; may be empty.

  bool drifted() const { return !findings.empty(); }
};

// Finds drift of `object` from every matching policy. Remediate policies contribute their
// fixes (absent settings filled, Enforce values reset) to one patch, in policy name order.
DriftPlan PlanDrift(const PolicySet& policies, const ObjectIdentity& identity,
                    const JsonValue& object, const CheckInputs& inputs = {});

}  // namespace ccspm::engine
