// Evaluates a policy's CEL validations against one object, with the variables of a
// ValidatingAdmissionPolicy. For a Pod policy matched through a pod controller, `object` is the
// Pod its template describes, so a check written once for Pods reads the same everywhere.
#pragma once

#include <vector>

#include "base/json.h"
#include "engine/check.h"
#include "engine/golden.h"
#include "engine/policy_set.h"

namespace ccspm::engine {

// False when a condition of `match.policy` (spec.match.conditions) is false for `object`: the
// policy does not apply to it. Outside admission (no request), a condition that reads `request`
// or `oldObject` is false. A condition that fails to evaluate counts as true.
bool ConditionsHold(const PolicyMatch& match, const JsonValue& object, const CheckInputs& inputs);

// Appends a violation for each validation that is false or fails to evaluate (a check that
// cannot be evaluated is not a pass: errors, including an exceeded cost budget, fail closed).
// Without a request (drift, scans), validations that read `request` or `oldObject` are skipped.
void CheckValidations(const PolicyMatch& match, const JsonValue& object, const CheckInputs& inputs,
                      std::vector<Violation>* violations);

}  // namespace ccspm::engine
