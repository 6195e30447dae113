#include "webhook/evaluation.h"

#include "engine/admission.h"
#include "engine/json_patch.h"

namespace ccspm::webhook {
namespace {

// The audit annotation key; the API server prefixes it with the webhook's name.
constexpr const char* kAuditAnnotationKey = "audit-violations";

}  // namespace

engine::ObjectIdentity AdmissionIdentity(const AdmissionRequest& request) {
  engine::ObjectIdentity identity = engine::ObjectIdentity::FromObject(*request.object);
  identity.group = request.kind.group;
  identity.kind = request.kind.kind;
  if (!request.namespace_name.empty()) identity.namespace_name = request.namespace_name;
  if (!request.name.empty()) identity.name = request.name;
  return identity;
}

engine::CheckInputs AdmissionInputs(const AdmissionRequest& request) {
  return {request.old_object, request.request, nullptr};
}

Evaluation EvaluateValidation(const engine::PolicySet& policies,
                              const engine::ObjectIdentity& identity, const JsonValue& object,
                              const engine::CheckInputs& inputs) {
  engine::ValidationVerdict verdict = engine::Validate(policies, identity, object, inputs);
  Evaluation evaluation;

  for (const engine::Violation& v : verdict.denied) {
    evaluation.violations.push_back({v.policy, v.check, "Deny"});
  }
  for (const engine::Violation& v : verdict.warned) {
    evaluation.violations.push_back({v.policy, v.check, "Warn"});
  }

  std::string audited;
  for (const engine::Violation& v : verdict.audited) {
    evaluation.violations.push_back({v.policy, v.check, "Audit"});
    if (!audited.empty()) audited += "\n";
    audited += engine::DescribeViolation(v);
  }
  if (!audited.empty()) evaluation.audit_annotations.emplace_back(kAuditAnnotationKey, audited);

  evaluation.warnings = std::move(verdict.warnings);
  if (!verdict.allowed) {
    evaluation.decision = Decision::kDenied;
    evaluation.denial_message = std::move(verdict.message);
  } else if (!evaluation.warnings.empty()) {
    evaluation.decision = Decision::kWarned;
  }
  return evaluation;
}

Evaluation EvaluateMutation(const engine::PolicySet& policies,
                            const engine::ObjectIdentity& identity, const JsonValue& object,
                            const engine::CheckInputs& inputs) {
  engine::MutationResult mutation = engine::Mutate(policies, identity, object, inputs);
  Evaluation evaluation;
  if (mutation.patch.empty()) return evaluation;

  evaluation.decision = Decision::kPatched;
  evaluation.patch = engine::PatchToJson(mutation.patch);
  return evaluation;
}

}  // namespace ccspm::webhook
