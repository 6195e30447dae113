// How the webhook answers a request it will not evaluate: a non-200 status with a metav1.Status
// body, so the API server's failurePolicy applies and its error carries a readable reason.
#pragma once

#include <string>
#include <string_view>

namespace ccspm::webhook {

// {"apiVersion":"v1","kind":"Status","status":"Failure","message":...,"reason":...,"code":...}
// `reason` is a metav1.StatusReason such as "BadRequest".
std::string StatusBody(int code, std::string_view reason, std::string_view message);

}  // namespace ccspm::webhook
