#include "webhook/admission_review.h"

#include <gtest/gtest.h>

#include "base/base64.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

JsonDocument Parse(const std::string& text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return std::move(*parsed);
}

TEST(AdmissionReviewTest, DecodesEveryField) {
  JsonDocument review = Parse(
      R"({"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u1",)"
      R"("kind":{"group":"apps","version":"v1","kind":"Deployment"},)"
      R"("resource":{"group":"apps","version":"v1","resource":"deployments"},)"
      R"("subResource":"scale","namespace":"ns","name":"web","operation":"UPDATE",)"
      R"("userInfo":{"username":"bob"},"object":{"a":1},"oldObject":{"a":0},"dryRun":true}})");
  ASSERT_TRUE(CheckReviewType(review).ok());

  Result<AdmissionRequest> request = DecodeAdmissionRequest(review);
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->uid, "u1");
  EXPECT_EQ(request->kind.group, "apps");
  EXPECT_EQ(request->kind.kind, "Deployment");
  EXPECT_EQ(request->resource.resource, "deployments");
  EXPECT_EQ(request->sub_resource, "scale");
  EXPECT_EQ(request->namespace_name, "ns");
  EXPECT_EQ(request->name, "web");
  EXPECT_EQ(request->operation, "UPDATE");
  EXPECT_EQ(request->username, "bob");
  ASSERT_NE(request->object, nullptr);
  EXPECT_EQ((*request->object)["a"].GetInt(), 1);
  ASSERT_NE(request->old_object, nullptr);
  EXPECT_TRUE(request->dry_run);
}

TEST(AdmissionReviewTest, NullObjectIsAbsent) {
  testing::ReviewSpec spec;
  spec.operation = "DELETE";
  spec.object = "null";
  JsonDocument review = Parse(testing::Review(spec));
  Result<AdmissionRequest> request = DecodeAdmissionRequest(review);
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_EQ(request->object, nullptr);
  EXPECT_EQ(request->old_object, nullptr);
}

TEST(AdmissionReviewTest, WrongTypeNamesWhatCame) {
  JsonDocument review = Parse(R"({"apiVersion":"admission.k8s.io/v1beta1","kind":"Pod"})");
  Status status = CheckReviewType(review);
  EXPECT_EQ(status.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(status.message(),
            "expected admission.k8s.io/v1 AdmissionReview, got admission.k8s.io/v1beta1 Pod");

  EXPECT_EQ(CheckReviewType(Parse("{}")).message(),
            "expected admission.k8s.io/v1 AdmissionReview, got <no apiVersion> <no kind>");
  EXPECT_FALSE(CheckReviewType(Parse("[1]")).ok());
}

struct DecodeCase {
  std::string request;  // The value of "request".
  std::string error;
};

class DecodeErrorTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeErrorTest, NamesTheField) {
  JsonDocument review =
      Parse(R"({"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":)" +
            GetParam().request + "}");
  Result<AdmissionRequest> request = DecodeAdmissionRequest(review);
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(request.status().message(), GetParam().error);
}

const char kGood[] =
    R"("kind":{"version":"v1","kind":"Pod"},"resource":{"version":"v1","resource":"pods"},)";

INSTANTIATE_TEST_SUITE_P(
    Fields, DecodeErrorTest,
    ::testing::Values(DecodeCase{"null", "request: missing"},
                      DecodeCase{"[]", "request: must be an object"},
                      DecodeCase{R"({"operation":"CREATE"})", "request.uid: missing"},
                      DecodeCase{R"({"uid":7})", "request.uid: must be a string"},
                      DecodeCase{R"({"uid":""})", "request.uid: must not be empty"},
                      DecodeCase{R"({"uid":"u"})", "request.kind: missing"},
                      DecodeCase{R"({"uid":"u","kind":{"version":"v1"}})",
                                 "request.kind.kind: missing"},
                      DecodeCase{R"({"uid":"u","kind":{"version":"v1","kind":"Pod"}})",
                                 "request.resource: missing"},
                      DecodeCase{std::string(R"({"uid":"u",)") + kGood + R"("operation":"PATCH"})",
                                 "request.operation: unknown operation \"PATCH\""},
                      DecodeCase{std::string(R"({"uid":"u",)") + kGood +
                                     R"("operation":"CREATE",)" + R"("userInfo":{"username":1}})",
                                 "request.userInfo.username: must be a string"},
                      DecodeCase{std::string(R"({"uid":"u",)") + kGood +
                                     R"("operation":"CREATE",)" + R"("object":"pod"})",
                                 "request.object: must be an object"},
                      DecodeCase{std::string(R"({"uid":"u",)") + kGood +
                                     R"("operation":"CREATE",)" + R"("dryRun":"yes"})",
                                 "request.dryRun: must be a boolean"}));

TEST(AdmissionReviewTest, EncodesAnAllowedResponse) {
  AdmissionResponse response;
  response.uid = "u1";
  JsonDocument review = Parse(EncodeAdmissionReview(response));
  EXPECT_STREQ(review["apiVersion"].GetString(), "admission.k8s.io/v1");
  EXPECT_STREQ(review["kind"].GetString(), "AdmissionReview");
  EXPECT_STREQ(review["response"]["uid"].GetString(), "u1");
  EXPECT_TRUE(review["response"]["allowed"].GetBool());
  EXPECT_FALSE(review["response"].HasMember("status"));
  EXPECT_FALSE(review["response"].HasMember("patch"));
  EXPECT_FALSE(review["response"].HasMember("warnings"));
}

TEST(AdmissionReviewTest, EncodesDenialWarningsPatchAndAnnotations) {
  AdmissionResponse response;
  response.uid = "u2";
  response.allowed = false;
  response.status_code = 403;
  response.status_reason = "Forbidden";
  response.status_message = "no \"privileged\"";
  response.warnings = {"w1"};
  response.patch = R"([{"op":"add","path":"/a","value":1}])";
  response.audit_annotations = {{"audit-violations", "v"}};

  JsonDocument review = Parse(EncodeAdmissionReview(response));
  const JsonValue& out = review["response"];
  EXPECT_FALSE(out["allowed"].GetBool());
  EXPECT_EQ(out["status"]["code"].GetInt(), 403);
  EXPECT_STREQ(out["status"]["reason"].GetString(), "Forbidden");
  EXPECT_STREQ(out["status"]["message"].GetString(), "no \"privileged\"");
  EXPECT_STREQ(out["warnings"][0].GetString(), "w1");
  EXPECT_STREQ(out["patchType"].GetString(), "JSONPatch");
  EXPECT_EQ(Base64Decode(out["patch"].GetString()).value(), response.patch);
  EXPECT_STREQ(out["auditAnnotations"]["audit-violations"].GetString(), "v");
}

}  // namespace
}  // namespace ccspm::webhook
