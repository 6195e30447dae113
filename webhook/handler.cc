#include "webhook/handler.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <initializer_list>
#include <utility>

#include "base/json.h"
#include "base/log.h"
#include "webhook/evaluation.h"
#include "webhook/refusal.h"
#include "webhook/response_builder.h"

namespace ccspm::webhook {
namespace {

namespace key = log::key;

// True for "application/json", in any case and with parameters such as "; charset=utf-8".
bool IsJsonContentType(std::string_view content_type) {
  std::string_view media_type = content_type.substr(0, content_type.find(';'));
  while (!media_type.empty() && std::isspace(static_cast<unsigned char>(media_type.back()))) {
    media_type.remove_suffix(1);
  }
  constexpr std::string_view kJson = "application/json";
  auto same = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
  return std::equal(media_type.begin(), media_type.end(), kJson.begin(), kJson.end(), same);
}

bool BeingDeleted(const JsonValue& object) {
  const JsonValue* timestamp = FindPath(object, "metadata.deletionTimestamp");
  return timestamp != nullptr && !timestamp->IsNull();
}

bool Ignored(std::string_view name, std::initializer_list<std::string_view> ignored) {
  return std::find(ignored.begin(), ignored.end(), name) != ignored.end();
}

// True when `a` and `b` are objects with equal members once those named in `ignored` are left
// out; `metadata` is compared the same way, leaving out what a finalizer removal touches.
bool EqualObjectsIgnoring(const JsonValue& a, const JsonValue& b,
                          std::initializer_list<std::string_view> ignored) {
  if (!a.IsObject() || !b.IsObject()) return false;
  size_t compared = 0;
  for (const auto& member : a.GetObject()) {
    std::string_view name = AsStringView(member.name);
    if (Ignored(name, ignored)) continue;
    const JsonValue* other = FindMember(b, name);
    if (other == nullptr) return false;
    bool equal =
        name == "metadata"
            ? EqualObjectsIgnoring(member.value, *other,
                                   {"finalizers", "managedFields", "resourceVersion", "generation"})
            : member.value == *other;
    if (!equal) return false;
    ++compared;
  }
  size_t others = 0;
  for (const auto& member : b.GetObject()) {
    if (!Ignored(AsStringView(member.name), ignored)) ++others;
  }
  return compared == others;
}

// An update of an object on its way out that changes nothing but its finalizers and the fields
// the API server maintains along with them.
bool OnlyReleasesFinalizers(const AdmissionRequest& request) {
  return request.operation == "UPDATE" && request.old_object != nullptr &&
         BeingDeleted(*request.object) &&
         EqualObjectsIgnoring(*request.object, *request.old_object, {});
}

HttpOutput Refuse(WebhookKind kind, int status, const char* reason, const std::string& message,
                  std::string_view uid = {}) {
  log::Warn("admission request refused", {{key::kComponent, "webhook"},
                                          {key::kWebhook, WebhookKindName(kind)},
                                          {key::kRequestUid, uid},
                                          {key::kHttpStatus, status},
                                          {key::kReason, reason},
                                          {key::kError, message}});
  HttpOutput out;
  out.status = status;
  out.body = StatusBody(status, reason, message);
  out.decision = status == 503 ? Decision::kUnavailable : Decision::kInvalid;
  return out;
}

}  // namespace

AdmissionHandler::AdmissionHandler(WebhookKind kind, HandlerConfig config, PolicySource policies,
                                   Metrics* metrics)
    : kind_(kind), config_(std::move(config)), policies_(std::move(policies)), metrics_(metrics) {}

HttpOutput AdmissionHandler::Handle(const HttpInput& input) const {
  auto start = std::chrono::steady_clock::now();
  HttpOutput out = Decide(input);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (metrics_ != nullptr) metrics_->ObserveRequest(kind_, out.decision, elapsed.count());
  return out;
}

HttpOutput AdmissionHandler::RefuseUnread(int status, const char* reason,
                                          const std::string& message) const {
  HttpOutput out = Refuse(kind_, status, reason, message);
  if (metrics_ != nullptr) metrics_->ObserveRequest(kind_, out.decision, 0);
  return out;
}

HttpOutput AdmissionHandler::Decide(const HttpInput& input) const {
  if (input.method != "POST") {
    return Refuse(kind_, 405, "MethodNotAllowed",
                  "method must be POST, got " + std::string(input.method));
  }

  if (input.body.empty()) return Refuse(kind_, 400, "BadRequest", "request body is empty");

  if (input.body.size() > config_.max_body_bytes) {
    return Refuse(kind_, 413, "RequestEntityTooLarge",
                  "request body is " + std::to_string(input.body.size()) +
                      " bytes, over the limit of " + std::to_string(config_.max_body_bytes));
  }

  if (!IsJsonContentType(input.content_type)) {
    return Refuse(
        kind_, 415, "UnsupportedMediaType",
        "content type must be application/json, got \"" + std::string(input.content_type) + "\"");
  }

  // The body is parsed once; the request and the object below point into this document.
  Result<JsonDocument> review = ParseJson(input.body);
  if (!review.ok()) return Refuse(kind_, 400, "BadRequest", review.status().message());

  Status type = CheckReviewType(*review);
  if (!type.ok()) return Refuse(kind_, 400, "BadRequest", type.message());

  Result<AdmissionRequest> request = DecodeAdmissionRequest(*review);
  if (!request.ok()) {
    const JsonValue* raw_request = FindMember(*review, "request");
    std::string_view uid = raw_request != nullptr ? StringMember(*raw_request, "uid") : "";
    return Refuse(kind_, 400, "BadRequest", request.status().message(), uid);
  }

  return Admit(*request);
}

HttpOutput AdmissionHandler::Admit(const AdmissionRequest& request) const {
  // ccspm's own writes (drift repair) must not wait on ccspm's webhook.
  if (IsExempt(request.username)) {
    return Respond(request, AllowedResponse(request.uid), Decision::kExempt);
  }

  // Nothing to check: a deletion, a connect, or a request without an object.
  if (request.operation == "DELETE" || request.object == nullptr) {
    return Respond(request, AllowedResponse(request.uid), Decision::kAllowed);
  }

  // A status write cannot change a golden setting, and blocking one would stop controllers
  // from reporting on objects created before a policy.
  if (request.sub_resource == "status") {
    return Respond(request, AllowedResponse(request.uid), Decision::kAllowed);
  }

  // Denying a finalizer removal would keep the object, and its namespace, from ever going
  // away. Other changes to an object being deleted are evaluated as usual.
  if (OnlyReleasesFinalizers(request)) {
    return Respond(request, AllowedResponse(request.uid), Decision::kAllowed);
  }

  engine::PolicySetPtr policies = policies_();
  if (policies == nullptr) {
    return Refuse(kind_, 503, "ServiceUnavailable", "policies are not loaded yet", request.uid);
  }
  return Evaluate(request, *policies);
}

HttpOutput AdmissionHandler::Evaluate(const AdmissionRequest& request,
                                      const engine::PolicySet& policies) const {
  engine::ObjectIdentity identity = AdmissionIdentity(request);
  engine::CheckInputs inputs = AdmissionInputs(request);
  // Held for the whole evaluation: the inputs borrow it.
  std::shared_ptr<const JsonDocument> namespace_object;
  if (config_.namespaces && !request.namespace_name.empty()) {
    namespace_object = config_.namespaces(request.namespace_name);
    inputs.namespace_object = namespace_object.get();
  }
  Evaluation evaluation = kind_ == WebhookKind::kValidate
                              ? EvaluateValidation(policies, identity, *request.object, inputs)
                              : EvaluateMutation(policies, identity, *request.object, inputs);

  if (metrics_ != nullptr) {
    for (const ViolationCount& v : evaluation.violations) {
      metrics_->CountViolation(v.policy, v.check, v.action);
    }
  }

  Decision decision = evaluation.decision;
  return Respond(request, BuildResponse(request.uid, std::move(evaluation)), decision);
}

HttpOutput AdmissionHandler::Respond(const AdmissionRequest& request, AdmissionResponse response,
                                     Decision decision) const {
  bool notable = decision == Decision::kDenied || decision == Decision::kWarned ||
                 decision == Decision::kPatched;
  log::Write(notable ? log::Level::kInfo : log::Level::kDebug, "admission decided",
             {{key::kComponent, "webhook"},
              {key::kWebhook, WebhookKindName(kind_)},
              {key::kRequestUid, request.uid},
              {key::kOperation, request.operation},
              {key::kResourceGroup, request.kind.group},
              {key::kResourceKind, request.kind.kind},
              {key::kResourceNamespace, request.namespace_name},
              {key::kResourceName, request.name},
              {key::kUsername, request.username},
              {key::kDecision, DecisionName(decision)}});

  HttpOutput out;
  out.body = EncodeAdmissionReview(response);
  out.decision = decision;
  return out;
}

bool AdmissionHandler::IsExempt(const std::string& username) const {
  return !username.empty() &&
         std::find(config_.exempt_usernames.begin(), config_.exempt_usernames.end(), username) !=
             config_.exempt_usernames.end();
}

}  // namespace ccspm::webhook
