// The AdmissionReview (admission.k8s.io/v1) wire format: decoding what the API server sends and
// encoding what it expects back. Pure: no logging, no policies.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::webhook {

inline constexpr const char* kAdmissionApiVersion = "admission.k8s.io/v1";
inline constexpr const char* kAdmissionReviewKind = "AdmissionReview";

struct GroupVersionKind {
  std::string group;  // "" for the core group.
  std::string version;
  std::string kind;
};

struct GroupVersionResource {
  std::string group;
  std::string version;
  std::string resource;
};

// The parts of request that ccspm reads. `object` and `old_object` point into the parsed review,
// which must outlive the request; they are nullptr when absent or null (DELETE has no object,
// CREATE no old object).
struct AdmissionRequest {
  std::string uid;
  GroupVersionKind kind;
  GroupVersionResource resource;
  std::string sub_resource;    // "" unless the request is for e.g. "status" or "scale".
  std::string namespace_name;  // "" for cluster-scoped objects.
  std::string name;            // "" when the object is created with generateName.
  std::string operation;       // CREATE, UPDATE, DELETE or CONNECT.
  std::string username;        // request.userInfo.username; "" when absent.
  const JsonValue* object = nullptr;
  const JsonValue* old_object = nullptr;
  const JsonValue* request = nullptr;  // The whole request, bound to CEL's `request`.
  bool dry_run = false;
};

// OK when `review` is an admission.k8s.io/v1 AdmissionReview object; otherwise kInvalid
// "expected admission.k8s.io/v1 AdmissionReview, got <apiVersion> <kind>".
Status CheckReviewType(const JsonValue& review);

// Decodes review.request. Errors are kInvalid and name the field, e.g. "request.uid: missing".
Result<AdmissionRequest> DecodeAdmissionRequest(const JsonValue& review);

// What ccspm answers. `status_*` are sent only when the request is not allowed; `patch` (JSON
// Patch text) only when not empty.
struct AdmissionResponse {
  std::string uid;
  bool allowed = true;
  int status_code = 0;
  std::string status_reason;  // A metav1.StatusReason such as "Forbidden".
  std::string status_message;
  std::vector<std::string> warnings;
  std::string patch;
  std::vector<std::pair<std::string, std::string>> audit_annotations;
};

// The whole AdmissionReview response document, with the patch base64-encoded and typed
// "JSONPatch".
std::string EncodeAdmissionReview(const AdmissionResponse& response);

}  // namespace ccspm::webhook
