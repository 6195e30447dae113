#include "engine/check.h"

#include "engine/cel_checks.h"

namespace ccspm::engine {

std::vector<PolicyMatch> ApplicablePolicies(const PolicySet& policies,
                                            const ObjectIdentity& identity,
                                            const JsonValue& object, const CheckInputs& inputs) {
  std::vector<PolicyMatch> matches = policies.Matching(identity);
  std::erase_if(matches, [&](const PolicyMatch& match) {
    return !ConditionsHold(match, object, inputs);
  });
  return matches;
}

std::vector<Violation> CheckPolicy(const PolicyMatch& match, const JsonValue& object,
                                   const CheckInputs& inputs) {
  std::vector<Violation> violations = CheckGoldenSettings(*match.policy, match.how, object);
  CheckValidations(match, object, inputs, &violations);
  return violations;
}

}  // namespace ccspm::engine
