#include "engine/json_patch.h"

#include <gtest/gtest.h>

#include "engine/test_util.h"

namespace ccspm::engine {
namespace {

using testing::Json;

TEST(JsonPatchTest, AppliesAddReplaceRemoveAndTest) {
  JsonDocument doc = Json(R"({"a":{"b":1},"l":[1,3],"x~/y":0})");
  JsonDocument patch = Json(R"([
    {"op":"test","path":"/a/b","value":1},
    {"op":"replace","path":"/a/b","value":2},
    {"op":"add","path":"/a/c","value":{"d":true}},
    {"op":"add","path":"/l/1","value":2},
    {"op":"add","path":"/l/-","value":4},
    {"op":"remove","path":"/x~0~1y"}
  ])");
  Result<std::vector<PatchOp>> ops = ParsePatch(patch);
  ASSERT_TRUE(ops.ok()) << ops.status().ToString();
  ASSERT_TRUE(ApplyPatch(doc, *ops).ok());
  EXPECT_EQ(ToJson(doc), R"({"a":{"b":2,"c":{"d":true}},"l":[1,2,3,4]})");
  EXPECT_EQ(PatchToJson(*ops).substr(0, 42), R"([{"op":"test","path":"/a/b","value":1},{"o)");
}

TEST(JsonPatchTest, ReportsFailuresWithTheOperation) {
  JsonDocument doc = Json(R"({"a":1})");
  Result<std::vector<PatchOp>> ops =
      ParsePatch(Json(R"([{"op":"replace","path":"/b","value":1}])"));
  ASSERT_TRUE(ops.ok());
  Status status = ApplyPatch(doc, *ops);
  EXPECT_EQ(status.message(), "JSON patch operation 0: replace target does not exist");

  EXPECT_FALSE(ParsePatch(Json(R"([{"op":"move","path":"/a"}])")).ok());
  EXPECT_FALSE(ParsePatch(Json(R"([{"op":"add","path":"/a"}])")).ok());
  Result<std::vector<PatchOp>> bad_index =
      ParsePatch(Json(R"([{"op":"add","path":"/l/01","value":1}])"));
  JsonDocument list = Json(R"({"l":[0]})");
  EXPECT_FALSE(ApplyPatch(list, *bad_index).ok());
}

}  // namespace
}  // namespace ccspm::engine
