#include "kube/api_error.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

TEST(ErrorKindForHttpStatusTest, MapsEachStatusTheClientCanSee) {
  struct Case {
    int status;
    ErrorKind kind;
  };
  for (Case c : {Case{200, ErrorKind::kOk}, Case{201, ErrorKind::kOk},
                 Case{400, ErrorKind::kInvalid}, Case{401, ErrorKind::kForbidden},
                 Case{403, ErrorKind::kForbidden}, Case{404, ErrorKind::kNotFound},
                 Case{405, ErrorKind::kInvalid}, Case{409, ErrorKind::kConflict},
                 Case{410, ErrorKind::kGone}, Case{413, ErrorKind::kTooLarge},
                 Case{422, ErrorKind::kInvalid}, Case{429, ErrorKind::kUnavailable},
                 Case{500, ErrorKind::kUnavailable}, Case{503, ErrorKind::kUnavailable},
                 Case{504, ErrorKind::kUnavailable}, Case{302, ErrorKind::kInternal}}) {
    EXPECT_EQ(ErrorKindForHttpStatus(c.status), c.kind) << c.status;
  }
}

TEST(StatusFromHttpTest, KeepsTheApiServerMessage) {
  Status status = StatusFromHttp(422, R"({"kind":"Status","apiVersion":"v1","status":"Failure",
      "message":"ConfigMap \"x\" is invalid: data[a b]: Invalid value","reason":"Invalid",
      "code":422})");
  EXPECT_EQ(status.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(status.message(), "ConfigMap \"x\" is invalid: data[a b]: Invalid value");
}

TEST(StatusFromHttpTest, FallsBackToTheReasonWithoutAMessage) {
  Status status = StatusFromHttp(409, R"({"kind":"Status","reason":"AlreadyExists"})");
  EXPECT_EQ(status.kind(), ErrorKind::kConflict);
  EXPECT_EQ(status.message(), "HTTP 409 AlreadyExists");
}

TEST(StatusFromHttpTest, QuotesAndShortensNonStatusBodies) {
  Status status = StatusFromHttp(502, "<html>" + std::string(1000, 'x') + "</html>");
  EXPECT_EQ(status.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(status.message().rfind("HTTP 502: <html>", 0), 0u);
  EXPECT_LT(status.message().size(), 300u);
  EXPECT_TRUE(status.retryable());
}

TEST(StatusFromHttpTest, SuccessIsOk) { EXPECT_TRUE(StatusFromHttp(200, "{}").ok()); }

TEST(StatusFromApiStatusTest, ExpiredWatchIsGone) {
  Result<JsonDocument> object = ParseJson(R"json({"kind":"Status","status":"Failure",
      "message":"too old resource version: 5 (10)","reason":"Expired","code":410})json");
  ASSERT_TRUE(object.ok());
  Status status = StatusFromApiStatus(*object);
  EXPECT_EQ(status.kind(), ErrorKind::kGone);
  EXPECT_EQ(status.message(), "too old resource version: 5 (10)");

  Result<JsonDocument> reason_only = ParseJson(R"({"reason":"Expired"})");
  EXPECT_EQ(StatusFromApiStatus(*reason_only).kind(), ErrorKind::kGone);
}

TEST(StatusFromApiStatusTest, OtherCodesMapLikeHttp) {
  Result<JsonDocument> forbidden = ParseJson(R"({"code":403,"message":"no"})");
  EXPECT_EQ(StatusFromApiStatus(*forbidden).kind(), ErrorKind::kForbidden);
  Result<JsonDocument> empty = ParseJson("{}");
  EXPECT_EQ(StatusFromApiStatus(*empty).kind(), ErrorKind::kInternal);
  Result<JsonDocument> ok_code = ParseJson(R"({"code":200})");
  EXPECT_FALSE(StatusFromApiStatus(*ok_code).ok());
}

}  // namespace
}  // namespace ccspm::kube
