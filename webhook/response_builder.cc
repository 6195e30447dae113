#include "webhook/response_builder.h"

#include <utility>

#include "webhook/warning_limits.h"

namespace ccspm::webhook {

AdmissionResponse BuildResponse(const std::string& uid, Evaluation evaluation) {
  AdmissionResponse response;
  response.uid = uid;
  response.allowed = evaluation.decision != Decision::kDenied;
  if (!response.allowed) {
    response.status_code = 403;
    response.status_reason = "Forbidden";
    response.status_message = std::move(evaluation.denial_message);
  }
  response.warnings = LimitWarnings(std::move(evaluation.warnings));
  response.patch = std::move(evaluation.patch);
  response.audit_annotations = std::move(evaluation.audit_annotations);
  return response;
}

AdmissionResponse AllowedResponse(const std::string& uid) {
  AdmissionResponse response;
  response.uid = uid;
  return response;
}

}  // namespace ccspm::webhook
