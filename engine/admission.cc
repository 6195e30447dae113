#include "engine/admission.h"

#include <algorithm>

namespace ccspm::engine {

std::string DescribeViolation(const Violation& violation) {
  return "GoldenPolicy " + violation.policy + " check " + violation.check + ": " +
         violation.message;
}

std::string DenialMessage(const std::vector<Violation>& denied) {
  std::string message;
  size_t shown = std::min(denied.size(), kMaxDenialLines);
  for (size_t i = 0; i < shown; ++i) {
    if (!message.empty()) message += "\n";
    message += DescribeViolation(denied[i]);
  }
  if (denied.size() > shown) {
    message += "\n... and " + std::to_string(denied.size() - shown) + " more violations";
  }
  return message;
}

ValidationVerdict Validate(const PolicySet& policies, const ObjectIdentity& identity,
                           const JsonValue& object, const CheckInputs& inputs) {
  ValidationVerdict verdict;
  for (const PolicyMatch& match : ApplicablePolicies(policies, identity, object, inputs)) {
    for (Violation& violation : CheckPolicy(match, object, inputs)) {
      // An absent Default-mode setting is the mutating webhook's to fill, not a reason to refuse.
      if (violation.mode == SettingMode::kDefault) continue;
      switch (match.policy->admission) {
        case AdmissionAction::kDeny:
          verdict.denied.push_back(std::move(violation));
          break;
        case AdmissionAction::kWarn:
          verdict.warnings.push_back(DescribeViolation(violation));
          verdict.warned.push_back(std::move(violation));
          break;
        case AdmissionAction::kAudit:
          verdict.audited.push_back(std::move(violation));
          break;
      }
    }
  }
  verdict.allowed = verdict.denied.empty();
  verdict.message = DenialMessage(verdict.denied);
  return verdict;
}

MutationResult Mutate(const PolicySet& policies, const ObjectIdentity& identity,
                      const JsonValue& object, const CheckInputs& inputs) {
  MutationResult result;
  std::vector<PolicyMatch> matches = ApplicablePolicies(policies, identity, object, inputs);
  if (matches.empty()) return result;

  JsonDocument copy;
  copy.CopyFrom(object, copy.GetAllocator());
  for (const PolicyMatch& match : matches) {
    if (match.policy->admission == AdmissionAction::kAudit) continue;
    size_t before = result.patch.size();
    ApplyGoldenSettings(*match.policy, match.how, FixScope::kFillAbsent, copy, &result.patch);
    for (size_t i = before; i < result.patch.size(); ++i) {
      result.filled.push_back(match.policy->name + ": " + result.patch[i].pointer);
    }
  }

  // An object that stays denied after defaulting is left as it came, so the validating webhook
  // refuses it with the policy's message rather than the API server with a complaint about a
  // combination the defaults made (privileged with allowPrivilegeEscalation false, say).
  if (!result.patch.empty() && !Validate(policies, identity, copy, inputs).allowed) return {};
  return result;
}

}  // namespace ccspm::engine
