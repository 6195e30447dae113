// One admission webhook endpoint (validate or mutate) as a function from an HTTP request to an
// HTTP response, independent of any HTTP library.
//
// The request passes guards in order; each one that refuses answers with its own status code
// and logs one line:
//   405 not POST, 400 empty body, 413 body over the limit, 415 not application/json,
//   400 malformed JSON (line and column), 400 not an admission.k8s.io/v1 AdmissionReview,
//   400 malformed request (missing uid, ...), 503 policies not loaded yet.
// A refusal body is a metav1.Status. Requests that pass answer 200 with an AdmissionReview:
// allowed without evaluation for exempt users, DELETE, requests without an object, status
// updates and updates of an object being deleted that change nothing but metadata.finalizers
// (with managedFields, resourceVersion, generation); otherwise the policies decide.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/policy_set.h"
#include "webhook/admission_review.h"
#include "webhook/decision.h"
#include "webhook/metrics.h"

namespace ccspm::webhook {

struct HttpInput {
  std::string_view method;
  std::string_view content_type;
  std::string_view body;
};

struct HttpOutput {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  Decision decision = Decision::kAllowed;
};

// The Namespace object named `name` as last seen, or nullptr when unknown. Must be thread-safe.
using NamespaceLookup =
    std::function<std::shared_ptr<const JsonDocument>(const std::string& name)>;

struct HandlerConfig {
  size_t max_body_bytes = 0;
  std::vector<std::string> exempt_usernames;
  NamespaceLookup namespaces;  // Bound to CEL's namespaceObject; may be empty (then null).
};

// The policies to evaluate now; nullptr while they are not loaded. Called once per request.
using PolicySource = std::function<engine::PolicySetPtr()>;

// Thread-safe: Handle may run on many threads at once.
class AdmissionHandler {
 public:
  // `metrics` may be nullptr; otherwise it must outlive the handler.
  AdmissionHandler(WebhookKind kind, HandlerConfig config, PolicySource policies, Metrics* metrics);

  // Answers one request and records it in ccspm_admission_requests_total and
  // ccspm_admission_duration_seconds.
  HttpOutput Handle(const HttpInput& input) const;

  // A refusal the HTTP server decided from the headers alone, before reading the body (e.g. 415
  // for a compressed body), logged and counted like the handler's own guards.
  HttpOutput RefuseUnread(int status, const char* reason, const std::string& message) const;

 private:
  HttpOutput Decide(const HttpInput& input) const;
  HttpOutput Admit(const AdmissionRequest& request) const;
  HttpOutput Evaluate(const AdmissionRequest& request, const engine::PolicySet& policies) const;
  HttpOutput Respond(const AdmissionRequest& request, AdmissionResponse response,
                     Decision decision) const;
  bool IsExempt(const std::string& username) const;

  WebhookKind kind_;
  HandlerConfig config_;
  PolicySource policies_;
  Metrics* metrics_;
};

}  // namespace ccspm::webhook
