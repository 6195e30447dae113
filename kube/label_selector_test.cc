#include "kube/label_selector.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

bool Selects(std::string_view selector, std::string_view labels) {
  Result<LabelSelector> parsed = LabelSelector::Parse(selector);
  EXPECT_TRUE(parsed.ok()) << selector << ": " << parsed.status().ToString();
  Result<JsonDocument> object =
      ParseJson(std::string(R"({"metadata":{"labels":)") + std::string(labels) + "}}");
  EXPECT_TRUE(object.ok());
  return parsed.ok() && object.ok() && parsed->Matches(*object);
}

TEST(LabelSelectorTest, EvaluatesEveryOperator) {
  const char* labels = R"({"app":"web","tier":"front"})";
  EXPECT_TRUE(Selects("", labels));
  EXPECT_TRUE(Selects("app=web", labels));
  EXPECT_TRUE(Selects("app==web,tier=front", labels));
  EXPECT_FALSE(Selects("app=db", labels));
  EXPECT_TRUE(Selects("app!=db", labels));
  EXPECT_TRUE(Selects("missing!=x", labels));
  EXPECT_TRUE(Selects("app", labels));
  EXPECT_FALSE(Selects("!app", labels));
  EXPECT_TRUE(Selects("!missing", labels));
  EXPECT_TRUE(Selects("tier in (back, front)", labels));
  EXPECT_FALSE(Selects("tier notin (back,front)", labels));
  EXPECT_TRUE(Selects("app=web, tier in (front)", labels));
}

TEST(LabelSelectorTest, RejectsMalformedSelectors) {
  EXPECT_FALSE(LabelSelector::Parse("a in b").ok());
  EXPECT_FALSE(LabelSelector::Parse("a,,b").ok());
  EXPECT_FALSE(LabelSelector::Parse("=x").ok());
  EXPECT_FALSE(LabelSelector::Parse("a > 1").ok());
}

}  // namespace
}  // namespace ccspm::kube
