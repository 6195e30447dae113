#include "test/policy_library/outcome.h"

#include <cstdio>
#include <cstdlib>

#include "engine/check.h"

namespace ccspm::policy_library {

Outcome Evaluate(const engine::PolicySet& set, std::string_view policy, const JsonValue& object) {
  Outcome outcome;
  for (const engine::PolicyMatch& match :
       engine::ApplicablePolicies(set, engine::ObjectIdentity::FromObject(object), object)) {
    if (match.policy->name != policy) continue;
    outcome.matched = true;
    for (const engine::Violation& violation : engine::CheckPolicy(match, object)) {
      outcome.failed.insert(violation.check);
      outcome.messages.push_back(violation.check + ": " + violation.message);
      // The engine words a check that failed closed this way; a library check never should.
      if (violation.message.starts_with("expression could not be evaluated") ||
          violation.message.starts_with("expression must return a bool")) {
        outcome.errors.push_back(violation.check + ": " + violation.message);
      }
      // A library messageExpression always says more than the static message; seeing the static
      // one alone means the expression failed and the engine fell back to it.
      for (const engine::Validation& validation : match.policy->validations) {
        if (validation.id == violation.check && validation.message_program.has_value() &&
            (violation.message == validation.message ||
             violation.message.starts_with(validation.message + " (at "))) {
          outcome.errors.push_back(violation.check + ": messageExpression failed");
        }
      }
    }
  }
  return outcome;
}

void PrintMessages(const std::string& where, const Outcome& outcome) {
  if (std::getenv("POLICY_LIBRARY_VERBOSE") == nullptr) return;
  std::printf("%s\n", where.c_str());
  for (const std::string& message : outcome.messages) std::printf("  %s\n", message.c_str());
}

std::string Join(const std::set<std::string>& ids) {
  if (ids.empty()) return "nothing";
  std::string text;
  for (const std::string& id : ids) {
    if (!text.empty()) text += ", ";
    text += id;
  }
  return text;
}

}  // namespace ccspm::policy_library
