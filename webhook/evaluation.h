// What the policies say about one admission request, before it is put on the wire. Pure: the
// handler logs and counts the result.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/check.h"
#include "engine/match.h"
#include "engine/policy_set.h"
#include "webhook/admission_review.h"
#include "webhook/decision.h"

namespace ccspm::webhook {

// One broken golden setting, as labelled in ccspm_admission_violations_total.
struct ViolationCount {
  std::string policy;
  std::string check;
  std::string action;  // "Deny", "Warn" or "Audit".
};

struct Evaluation {
  Decision decision = Decision::kAllowed;
  std::string denial_message;  // Set when kDenied: every denying violation, one per line.
  std::vector<std::string> warnings;
  std::string patch;  // JSON Patch text; set when kPatched.
  std::vector<std::pair<std::string, std::string>> audit_annotations;
  std::vector<ViolationCount> violations;
};

// Who the object is for matching. Group and kind come from request.kind; namespace and name
// from the request, falling back to the object's metadata (a new object may not carry its
// namespace yet, and one created with generateName has no name yet). `request.object` must be
// set; the identity points into it.
engine::ObjectIdentity AdmissionIdentity(const AdmissionRequest& request);

// The validating webhook: denied when a Deny policy is broken, warned for Warn policies, and
// Audit findings as audit annotations.
Evaluation EvaluateValidation(const engine::PolicySet& policies,
                              const engine::ObjectIdentity& identity, const JsonValue& object,
                              const engine::CheckInputs& inputs = {});

// The mutating webhook: a JSON Patch that fills absent golden settings, or allowed unchanged.
Evaluation EvaluateMutation(const engine::PolicySet& policies,
                            const engine::ObjectIdentity& identity, const JsonValue& object,
                            const engine::CheckInputs& inputs = {});

// What CEL checks read besides the object: the old object and the request itself. The handler
// adds the Namespace object from its cache.
engine::CheckInputs AdmissionInputs(const AdmissionRequest& request);

}  // namespace ccspm::webhook
