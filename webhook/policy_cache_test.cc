#include "webhook/policy_cache.h"

#include <gtest/gtest.h>

#include <sstream>

#include "base/log.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

class PolicyCacheTest : public ::testing::Test {
 protected:
  void SetUp() override { log::SetSink(&logs_); }
  void TearDown() override { log::SetSink(nullptr); }

  size_t Replace(const std::vector<std::string>& texts) {
    std::vector<JsonDocument> documents;
    for (const std::string& text : texts) documents.push_back(ParseJson(text).value());
    std::vector<const JsonValue*> objects;
    for (const JsonDocument& document : documents) objects.push_back(&document);
    return cache_.Replace(objects);
  }

  std::ostringstream logs_;
  Metrics metrics_;
  PolicyCache cache_{&metrics_};
};

TEST_F(PolicyCacheTest, EmptyUntilReplacedAndNotSynced) {
  EXPECT_EQ(cache_.Current(), nullptr);
  EXPECT_FALSE(cache_.synced());
  cache_.MarkSynced();
  EXPECT_TRUE(cache_.synced());
}

TEST_F(PolicyCacheTest, SkipsABadPolicyAndKeepsTheRest) {
  std::string bad = R"({"apiVersion":"ccspm.io/v1alpha1","kind":"GoldenPolicy",)"
                    R"("metadata":{"name":"broken"},"spec":{}})";
  EXPECT_EQ(Replace({testing::NoPrivilegedPolicy(), bad}), 1u);

  ASSERT_NE(cache_.Current(), nullptr);
  ASSERT_EQ(cache_.Current()->policies().size(), 1u);
  EXPECT_EQ(cache_.Current()->policies()[0].name, "no-privileged");

  std::string text = metrics_.Serialize();
  EXPECT_NE(text.find("ccspm_policies_loaded 1"), std::string::npos) << text;
  EXPECT_NE(text.find("ccspm_policy_load_errors 1"), std::string::npos) << text;
}

TEST_F(PolicyCacheTest, ReplacingSwapsWhileOldReadersKeepTheirSet) {
  Replace({testing::NoPrivilegedPolicy()});
  engine::PolicySetPtr held = cache_.Current();

  Replace({});
  EXPECT_EQ(cache_.Current()->policies().size(), 0u);
  EXPECT_EQ(held->policies().size(), 1u);
}

}  // namespace
}  // namespace ccspm::webhook
