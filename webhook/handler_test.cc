#include "webhook/handler.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/base64.h"
#include "base/log.h"
#include "engine/json_patch.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

using testing::NoPrivilegedPolicy;
using testing::PolicySetOf;
using testing::PrivilegedPod;
using testing::Review;
using testing::ReviewSpec;

class HandlerTest : public ::testing::Test {
 protected:
  void SetUp() override { log::SetSink(&logs_); }
  void TearDown() override { log::SetSink(nullptr); }

  AdmissionHandler Handler(WebhookKind kind, engine::PolicySetPtr policies) {
    HandlerConfig config;
    config.max_body_bytes = 1024 * 1024;
    config.exempt_usernames = {"system:serviceaccount:ccspm-system:ccspm"};
    return AdmissionHandler(
        kind, config, [policies] { return policies; }, &metrics_);
  }

  HttpOutput Post(const AdmissionHandler& handler, const std::string& body,
                  const std::string& content_type = "application/json") {
    return handler.Handle({"POST", content_type, body});
  }

  // The response object of a 200 answer.
  JsonDocument Response(const HttpOutput& out) {
    EXPECT_EQ(out.status, 200) << out.body;
    Result<JsonDocument> review = ParseJson(out.body);
    EXPECT_TRUE(review.ok()) << out.body;
    JsonDocument response;
    response.CopyFrom((*review)["response"], response.GetAllocator());
    return response;
  }

  // The message of a refusal's metav1.Status body.
  std::string RefusalMessage(const HttpOutput& out) {
    Result<JsonDocument> status = ParseJson(out.body);
    EXPECT_TRUE(status.ok()) << out.body;
    EXPECT_STREQ((*status)["kind"].GetString(), "Status");
    EXPECT_EQ((*status)["code"].GetInt(), out.status);
    return (*status)["message"].GetString();
  }

  std::ostringstream logs_;
  Metrics metrics_;
};

struct GuardCase {
  std::string name;
  std::string method;
  std::string content_type;
  std::string body;
  int status;
  std::string message;  // A part of the refusal's message.
};

class GuardTest : public HandlerTest, public ::testing::WithParamInterface<GuardCase> {};

TEST_P(GuardTest, RefusesWithItsOwnStatus) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  const GuardCase& c = GetParam();
  HttpOutput out = handler.Handle({c.method, c.content_type, c.body});
  EXPECT_EQ(out.status, c.status);
  EXPECT_EQ(out.decision, Decision::kInvalid);
  EXPECT_NE(RefusalMessage(out).find(c.message), std::string::npos) << out.body;
}

const std::string kJson = "application/json";

INSTANTIATE_TEST_SUITE_P(
    Guards, GuardTest,
    ::testing::Values(GuardCase{"NotPost", "GET", kJson, "{}", 405, "method must be POST, got GET"},
                      GuardCase{"EmptyBody", "POST", kJson, "", 400, "request body is empty"},
                      GuardCase{"TooLarge", "POST", kJson, std::string(1024 * 1024 + 1, ' '), 413,
                                "request body is 1048577 bytes, over the limit of 1048576"},
                      GuardCase{"NotJson", "POST", "text/plain", "{}", 415,
                                "content type must be application/json, got \"text/plain\""},
                      GuardCase{"Malformed", "POST", kJson, "{\n  \"apiVersion\": }", 400,
                                "invalid JSON at line 2, column 17"},
                      GuardCase{"WrongKind", "POST", kJson, R"({"apiVersion":"v1","kind":"Pod"})",
                                400, "expected admission.k8s.io/v1 AdmissionReview, got v1 Pod"},
                      GuardCase{"NoUid", "POST", kJson,
                                R"({"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",)"
                                R"("request":{"operation":"CREATE"}})",
                                400, "request.uid: missing"}),
    [](const ::testing::TestParamInfo<GuardCase>& info) { return info.param.name; });

TEST_F(HandlerTest, AcceptsJsonWithParameters) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({}));
  HttpOutput out = Post(handler, Review({}), "Application/JSON; charset=utf-8");
  EXPECT_EQ(out.status, 200) << out.body;
}

TEST_F(HandlerTest, DenyPolicyDeniesPrivilegedPodNamingPolicyCheckAndPath) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  ReviewSpec spec;
  spec.uid = "uid-deny-1";
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kDenied);

  JsonDocument response = Response(out);
  EXPECT_STREQ(response["uid"].GetString(), "uid-deny-1");
  EXPECT_FALSE(response["allowed"].GetBool());
  EXPECT_EQ(response["status"]["code"].GetInt(), 403);
  EXPECT_STREQ(response["status"]["reason"].GetString(), "Forbidden");
  std::string message = response["status"]["message"].GetString();
  EXPECT_NE(message.find("no-privileged"), std::string::npos) << message;
  EXPECT_NE(message.find("check privileged"), std::string::npos) << message;
  EXPECT_NE(message.find("spec.containers[0].securityContext.privileged"), std::string::npos)
      << message;
}

TEST_F(HandlerTest, CompliantPodIsAllowed) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  ReviewSpec spec;
  spec.object = PrivilegedPod(false);
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kAllowed);
  EXPECT_TRUE(Response(out)["allowed"].GetBool());
}

TEST_F(HandlerTest, PolicyAppliesToPodTemplatesOfControllers) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  ReviewSpec spec;
  spec.group = "apps";
  spec.kind = "Deployment";
  spec.object = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{)"
                R"("template":{"spec":{"containers":[{"name":"a",)"
                R"("securityContext":{"privileged":true}}]}}}})";
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kDenied);
  std::string message = Response(out)["status"]["message"].GetString();
  EXPECT_NE(message.find("spec.template.spec.containers[0]"), std::string::npos) << message;
}

TEST_F(HandlerTest, WarnPolicyAllowsWithWarnings) {
  AdmissionHandler handler =
      Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy("Warn")}));
  HttpOutput out = Post(handler, Review({}));
  EXPECT_EQ(out.decision, Decision::kWarned);

  JsonDocument response = Response(out);
  EXPECT_TRUE(response["allowed"].GetBool());
  ASSERT_EQ(response["warnings"].Size(), 1u);
  std::string warning = response["warnings"][0].GetString();
  EXPECT_NE(warning.find("no-privileged"), std::string::npos) << warning;
}

TEST_F(HandlerTest, AuditPolicyAllowsWithAuditAnnotation) {
  AdmissionHandler handler =
      Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy("Audit")}));
  HttpOutput out = Post(handler, Review({}));
  EXPECT_EQ(out.decision, Decision::kAllowed);

  JsonDocument response = Response(out);
  EXPECT_TRUE(response["allowed"].GetBool());
  EXPECT_FALSE(response.HasMember("warnings"));
  std::string annotation = response["auditAnnotations"]["audit-violations"].GetString();
  EXPECT_NE(annotation.find("no-privileged"), std::string::npos) << annotation;
}

TEST_F(HandlerTest, MutateReturnsBase64JsonPatchWithEscapedPointer) {
  AdmissionHandler handler =
      Handler(WebhookKind::kMutate, PolicySetOf({testing::OwnerAnnotationPolicy()}));
  ReviewSpec spec;
  spec.uid = "uid-mutate";
  spec.object = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{}})";
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kPatched);

  JsonDocument response = Response(out);
  EXPECT_STREQ(response["uid"].GetString(), "uid-mutate");
  EXPECT_TRUE(response["allowed"].GetBool());
  EXPECT_STREQ(response["patchType"].GetString(), "JSONPatch");
  Result<std::string> patch = Base64Decode(response["patch"].GetString());
  ASSERT_TRUE(patch.ok());

  Result<JsonDocument> ops = ParseJson(*patch);
  ASSERT_TRUE(ops.ok()) << *patch;
  ASSERT_EQ(ops->Size(), 1u) << *patch;
  EXPECT_STREQ((*ops)[0]["op"].GetString(), "add");
  EXPECT_STREQ((*ops)[0]["path"].GetString(), "/metadata/annotations");
  EXPECT_STREQ((*ops)[0]["value"]["a/b~c"].GetString(), "platform");
}

TEST_F(HandlerTest, MutateEscapesPointerIntoExistingAnnotations) {
  AdmissionHandler handler =
      Handler(WebhookKind::kMutate, PolicySetOf({testing::OwnerAnnotationPolicy()}));
  ReviewSpec spec;
  spec.object = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","annotations":{}}})";
  HttpOutput out = Post(handler, Review(spec));

  Result<std::string> patch = Base64Decode(Response(out)["patch"].GetString());
  ASSERT_TRUE(patch.ok());
  EXPECT_EQ(*patch, R"([{"op":"add","path":"/metadata/annotations/a~1b~0c","value":"platform"}])");
}

TEST_F(HandlerTest, MutateWithNothingToFillAllowsWithoutPatch) {
  AdmissionHandler handler =
      Handler(WebhookKind::kMutate, PolicySetOf({testing::OwnerAnnotationPolicy()}));
  ReviewSpec spec;
  spec.object = R"({"kind":"Pod","metadata":{"name":"p","annotations":{"a/b~c":"x"}}})";
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kAllowed);
  EXPECT_FALSE(Response(out).HasMember("patch"));
}

TEST_F(HandlerTest, ExemptUserIsAllowedWithoutEvaluation) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  ReviewSpec spec;
  spec.username = "system:serviceaccount:ccspm-system:ccspm";
  HttpOutput out = Post(handler, Review(spec));
  EXPECT_EQ(out.decision, Decision::kExempt);
  EXPECT_TRUE(Response(out)["allowed"].GetBool());
}

// An UPDATE of a privileged Pod being deleted that removes its finalizer, and with it what the
// API server changes on every write.
ReviewSpec FinalizerRemoval() {
  ReviewSpec spec;
  spec.operation = "UPDATE";
  spec.old_object =
      R"({"kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2024-01-01T00:00:00Z",)"
      R"("finalizers":["example.com/hold"],"resourceVersion":"7","generation":2,)"
      R"("managedFields":[{"manager":"kubectl"}]},)"
      R"("spec":{"containers":[{"name":"a","securityContext":{"privileged":true}}]}})";
  spec.object =
      R"({"kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2024-01-01T00:00:00Z",)"
      R"("resourceVersion":"8","generation":3,"managedFields":[]},)"
      R"("spec":{"containers":[{"name":"a","securityContext":{"privileged":true}}]}})";
  return spec;
}

TEST_F(HandlerTest, RequestsWithNothingToEvaluateAreAllowed) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));

  ReviewSpec deletion;
  deletion.operation = "DELETE";
  ReviewSpec no_object;
  no_object.operation = "CONNECT";
  no_object.object = "";
  ReviewSpec status;
  status.operation = "UPDATE";
  status.sub_resource = "status";
  ReviewSpec terminating = FinalizerRemoval();

  for (const ReviewSpec& spec : {deletion, no_object, status, terminating}) {
    HttpOutput out = Post(handler, Review(spec));
    EXPECT_EQ(out.decision, Decision::kAllowed) << Review(spec);
    EXPECT_TRUE(Response(out)["allowed"].GetBool());
  }
}

TEST_F(HandlerTest, OtherChangesToAnObjectBeingDeletedAreEvaluated) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));

  // `kubectl label` on an object held by the user's own finalizer.
  ReviewSpec labelled = FinalizerRemoval();
  labelled.object = labelled.old_object;
  labelled.object.replace(labelled.object.find(R"("name":"p",)"), 11,
                          R"("name":"p","labels":{"team":"a"},)");
  HttpOutput out = Post(handler, Review(labelled));
  EXPECT_EQ(out.decision, Decision::kDenied) << Review(labelled);

  // Removing the finalizer and changing the spec at once.
  ReviewSpec respec = FinalizerRemoval();
  respec.object.replace(respec.object.find(R"("name":"a")"), 10, R"("name":"b")");
  EXPECT_EQ(Post(handler, Review(respec)).decision, Decision::kDenied);

  // Without the old object nothing shows that only finalizers changed.
  ReviewSpec no_old = FinalizerRemoval();
  no_old.old_object = "";
  EXPECT_EQ(Post(handler, Review(no_old)).decision, Decision::kDenied);
}

TEST_F(HandlerTest, NamespaceComesFromTheRequest) {
  std::string policy = testing::GoldenPolicy(
      "team-a-only", "Deny", R"([{"id":"label","path":"metadata.labels.team","value":"a"}])");
  policy.replace(policy.find(R"("kinds":["Pod"])"), 15,
                 R"("kinds":["Pod"],"namespaces":["team-a"])");
  AdmissionHandler handler = Handler(WebhookKind::kValidate, PolicySetOf({policy}));

  ReviewSpec in_scope;
  in_scope.namespace_name = "team-a";
  EXPECT_EQ(Post(handler, Review(in_scope)).decision, Decision::kDenied);
  ReviewSpec out_of_scope;
  out_of_scope.namespace_name = "team-b";
  EXPECT_EQ(Post(handler, Review(out_of_scope)).decision, Decision::kAllowed);
}

TEST_F(HandlerTest, NoPoliciesYetIsUnavailable) {
  AdmissionHandler handler = Handler(WebhookKind::kValidate, nullptr);
  HttpOutput out = Post(handler, Review({}));
  EXPECT_EQ(out.status, 503);
  EXPECT_EQ(out.decision, Decision::kUnavailable);
  EXPECT_EQ(RefusalMessage(out), "policies are not loaded yet");
}

TEST_F(HandlerTest, CountsDecisionsAndViolations) {
  AdmissionHandler validate = Handler(WebhookKind::kValidate, PolicySetOf({NoPrivilegedPolicy()}));
  Post(validate, Review({}));
  Post(validate, Review({}));
  Post(validate, "");
  AdmissionHandler mutate =
      Handler(WebhookKind::kMutate, PolicySetOf({testing::OwnerAnnotationPolicy()}));
  Post(mutate, Review({}));

  std::string text = metrics_.Serialize();
  EXPECT_NE(text.find(R"(ccspm_admission_requests_total{decision="denied",webhook="validate"} 2)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(ccspm_admission_requests_total{decision="invalid",webhook="validate"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(ccspm_admission_requests_total{decision="patched",webhook="mutate"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(ccspm_admission_violations_total{action="Deny",check="privileged",)"
                      R"(policy="no-privileged"} 2)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(ccspm_admission_duration_seconds_count{webhook="validate"} 3)"),
            std::string::npos);
}

}  // namespace
}  // namespace ccspm::webhook
