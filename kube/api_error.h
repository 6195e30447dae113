// Maps API server failures onto ccspm::Status, keeping the server's message for the user.
#pragma once

#include <string_view>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::kube {

// The error kind of an HTTP status: 404 kNotFound, 409 kConflict, 410 kGone, 401/403
// kForbidden, 413 kTooLarge, 400/422 and other 4xx kInvalid, 429/5xx kUnavailable, and kOk for
// 2xx. Anything else (1xx, 3xx) is kInternal: the client never asks for those.
ErrorKind ErrorKindForHttpStatus(int http_status);

// Status of a failed response. `body` is usually a metav1.Status object whose message is kept
// verbatim; other bodies are quoted, shortened, after the HTTP code.
Status StatusFromHttp(int http_status, std::string_view body);

// Status of a metav1.Status object, as sent in a watch ERROR event. A code of 410 or a reason
// of "Expired"/"Gone" is kGone, so the caller knows to relist.
Status StatusFromApiStatus(const JsonValue& status_object);

}  // namespace ccspm::kube
