// The names a webhook outcome goes by in metrics and logs.
#pragma once

namespace ccspm::webhook {

enum class WebhookKind { kValidate, kMutate };

enum class Decision {
  kAllowed,      // Evaluated (or nothing to evaluate) and let through unchanged.
  kDenied,       // A Deny policy was broken.
  kWarned,       // Allowed with warnings from Warn policies.
  kPatched,      // Allowed with a JSON Patch that fills golden settings.
  kInvalid,      // The request was refused before evaluation: not a usable AdmissionReview.
  kExempt,       // Allowed without evaluation: an exempt user.
  kUnavailable,  // Policies are not loaded yet; the API server's failurePolicy decides.
};

inline constexpr int kWebhookKindCount = 2;
inline constexpr int kDecisionCount = 7;

// "validate" or "mutate".
const char* WebhookKindName(WebhookKind kind);

// "allowed", "denied", "warned", "patched", "invalid", "exempt" or "unavailable".
const char* DecisionName(Decision decision);

}  // namespace ccspm::webhook
