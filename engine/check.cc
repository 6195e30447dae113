#include "engine/check.h"

namespace ccspm::engine {

std::vector<Violation> CheckPolicy(const PolicyMatch& match, const JsonValue& object,
                                   const CheckInputs& inputs) {
  (void)inputs;
  return CheckGoldenSettings(*match.policy, match.how, object);
}

}  // namespace ccspm::engine
