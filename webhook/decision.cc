#include "webhook/decision.h"

namespace ccspm::webhook {

const char* WebhookKindName(WebhookKind kind) {
  return kind == WebhookKind::kMutate ? "mutate" : "validate";
}

const char* DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kAllowed:
      return "allowed";
    case Decision::kDenied:
      return "denied";
    case Decision::kWarned:
      return "warned";
    case Decision::kPatched:
      return "patched";
    case Decision::kInvalid:
      return "invalid";
    case Decision::kExempt:
      return "exempt";
    case Decision::kUnavailable:
      return "unavailable";
  }
  return "invalid";
}

}  // namespace ccspm::webhook
