// The one place an Evaluation becomes the AdmissionResponse the API server reads.
#pragma once

#include <string>

#include "webhook/admission_review.h"
#include "webhook/evaluation.h"

namespace ccspm::webhook {

// Allowed unless kDenied, which answers 403 Forbidden with the denial message. Warnings are
// limited to what the API server passes on (warning_limits.h); the patch and the audit
// annotations are copied as they are.
AdmissionResponse BuildResponse(const std::string& uid, Evaluation evaluation);

// An allowed response with nothing else: exemptions and requests with nothing to evaluate.
AdmissionResponse AllowedResponse(const std::string& uid);

}  // namespace ccspm::webhook
