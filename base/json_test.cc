#include "base/json.h"

#include <gtest/gtest.h>

#include <string>

#include "base/json_text.h"

namespace ccspm {
namespace {

TEST(ParseJsonTest, ReportsLineAndColumnOfSyntaxErrors) {
  Result<JsonDocument> parsed = ParseJson("{\n  \"a\": 1,\n  \"b\": }");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().kind(), ErrorKind::kInvalid);
  EXPECT_NE(parsed.status().message().find("line 3, column 8"), std::string::npos)
      << parsed.status().message();
}

TEST(ParseJsonTest, RejectsTrailingGarbage) { EXPECT_FALSE(ParseJson("{} x").ok()); }

TEST(ParseJsonTest, RejectsDeepNestingWithoutRecursing) {
  std::string deep(100000, '[');
  Result<JsonDocument> parsed = ParseJson(deep);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("nested deeper"), std::string::npos);
}

TEST(FindPathTest, FollowsDottedKeys) {
  Result<JsonDocument> parsed = ParseJson(R"({"metadata":{"name":"web"}})");
  ASSERT_TRUE(parsed.ok());
  const JsonValue* name = FindPath(*parsed, "metadata.name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(AsStringView(*name), "web");
  EXPECT_EQ(FindPath(*parsed, "metadata.namespace"), nullptr);
  EXPECT_EQ(StringMember(*FindMember(*parsed, "metadata"), "name"), "web");
}

TEST(AppendJsonStringTest, EscapesAndRepairsInvalidUtf8) {
  std::string out;
  AppendJsonString(out, std::string("a\"b\\c\n\x01\xff", 8));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace ccspm

namespace ccspm {
namespace {

// Regression: the default parse rounded 1.38e-23 one step away from the nearest double.
TEST(ParseJsonTest, ReadsDoublesAtFullPrecision) {
  Result<JsonDocument> parsed = ParseJson("[1.38e-23]");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)[0].GetDouble(), 1.38e-23);
}

}  // namespace
}  // namespace ccspm
