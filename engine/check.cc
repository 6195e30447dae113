#include "engine/check.h"

#include "engine/cel_checks.h"

namespace ccspm::engine {

std::vector<Violation> CheckPolicy(const PolicyMatch& match, const JsonValue& object,
                                   const CheckInputs& inputs) {
  std::vector<Violation> violations = CheckGoldenSettings(*match.policy, match.how, object);
  CheckValidations(match, object, inputs, &violations);
  return violations;
}

}  // namespace ccspm::engine
