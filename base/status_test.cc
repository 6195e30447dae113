#include "base/status.h"

#include <gtest/gtest.h>

namespace ccspm {
namespace {

TEST(StatusTest, KindsMapToHttpAndRetryability) {
  EXPECT_EQ(InvalidError("x").http_status(), 400);
  EXPECT_FALSE(InvalidError("x").retryable());
  EXPECT_EQ(Status(ErrorKind::kConflict, "x").http_status(), 409);
  EXPECT_TRUE(Status(ErrorKind::kConflict, "x").retryable());
  EXPECT_TRUE(UnavailableError("down").retryable());
  EXPECT_EQ(InternalError("bug").http_status(), 500);
}

TEST(StatusTest, PrefixedKeepsKindAndAddsContext) {
  Status status = NotFoundError("no such pod").Prefixed("get default/web");
  EXPECT_EQ(status.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(status.message(), "get default/web: no such pod");
  EXPECT_EQ(status.ToString(), "not_found: get default/web: no such pod");
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> value = 7;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);

  Result<int> error = InvalidError("bad");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().message(), "bad");
}

}  // namespace
}  // namespace ccspm
