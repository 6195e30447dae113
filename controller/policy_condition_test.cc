#include "controller/policy_condition.h"

#include <gtest/gtest.h>

namespace ccspm::controller {
namespace {

JsonDocument Parse(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return std::move(parsed).value();
}

TEST(ReadyConditionPatchTest, RecordsParseErrorsWithTheGeneration) {
  JsonDocument policy = Parse(R"({"metadata":{"name":"p","generation":3}})");
  std::optional<JsonDocument> patch =
      ReadyConditionPatch(policy, InvalidError("spec.settings[0].path: bad"), "T1");
  ASSERT_TRUE(patch.has_value());
  EXPECT_EQ(ToJson(*patch),
            R"({"status":{"observedGeneration":3,"conditions":[{"type":"Ready",)"
            R"("status":"False","reason":"InvalidPolicy","message":"spec.settings[0].path: bad",)"
            R"("observedGeneration":3,"lastTransitionTime":"T1"}]}})");
}

TEST(ReadyConditionPatchTest, NothingToWriteWhenStatusIsCurrent) {
  JsonDocument policy = Parse(R"({"metadata":{"generation":2},"status":{"conditions":[
    {"type":"Ready","status":"True","reason":"Loaded","message":"the policy is in force",
     "observedGeneration":2,"lastTransitionTime":"T0"}]}})");
  EXPECT_FALSE(ReadyConditionPatch(policy, Status::Ok(), "T1").has_value());
}

TEST(ReadyConditionPatchTest, KeepsTransitionTimeWhenOnlyTheGenerationMoves) {
  JsonDocument policy = Parse(R"({"metadata":{"generation":5},"status":{"conditions":[
    {"type":"Ready","status":"True","reason":"Loaded","message":"the policy is in force",
     "observedGeneration":4,"lastTransitionTime":"T0"}]}})");
  std::optional<JsonDocument> patch = ReadyConditionPatch(policy, Status::Ok(), "T1");
  ASSERT_TRUE(patch.has_value());
  const JsonValue& condition = (*patch)["status"]["conditions"][0];
  EXPECT_EQ(AsStringView(condition["lastTransitionTime"]), "T0");
  EXPECT_EQ(condition["observedGeneration"].GetInt64(), 5);
}

}  // namespace
}  // namespace ccspm::controller
