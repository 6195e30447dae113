// The one place that checks an object against one matching policy: its golden settings and,
// with CEL, its validations. Admission, drift and the CLI scanner all call this, so a policy
// gives the same verdict everywhere.
#pragma once

#include <vector>

#include "base/json.h"
#include "engine/golden.h"
#include "engine/policy_set.h"

namespace ccspm::engine {

// What a check may read besides the object. Only admission has a request and an old object;
// elsewhere they are null, as in a ValidatingAdmissionPolicy evaluated outside a request.
struct CheckInputs {
  const JsonValue* old_object = nullptr;
  const JsonValue* request = nullptr;
  const JsonValue* namespace_object = nullptr;
};

// The policies that apply to `object`: those PolicySet::Matching finds for `identity` whose
// match conditions hold. Every caller that judges an object starts here.
std::vector<PolicyMatch> ApplicablePolicies(const PolicySet& policies,
                                            const ObjectIdentity& identity,
                                            const JsonValue& object,
                                            const CheckInputs& inputs = {});

// Every violation of `match.policy` by `object`, golden settings first, in policy order.
std::vector<Violation> CheckPolicy(const PolicyMatch& match, const JsonValue& object,
                                   const CheckInputs& inputs = {});

}  // namespace ccspm::engine
