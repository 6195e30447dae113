#include "webhook/policy_sync.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "base/log.h"
#include "kube/fake_client.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

class PolicySyncTest : public ::testing::Test {
 protected:
  void SetUp() override { log::SetSink(&logs_); }
  void TearDown() override { log::SetSink(nullptr); }

  void CreatePolicy(const std::string& text) {
    Result<JsonDocument> object = ParseJson(text);
    ASSERT_TRUE(object.ok());
    ASSERT_TRUE(fake_.Create(GoldenPolicyType(), "", *object).ok());
  }

  // Waits until the cache holds `count` policies; the informer applies changes asynchronously.
  bool WaitForPolicies(size_t count) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      engine::PolicySetPtr current = cache_.Current();
      if (current != nullptr && current->policies().size() == count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  std::ostringstream logs_;
  kube::FakeClient fake_;
  PolicyCache cache_{nullptr};
};

TEST_F(PolicySyncTest, LoadsTheListThenFollowsChanges) {
  CreatePolicy(testing::NoPrivilegedPolicy());
  PolicySync sync(fake_, fake_, cache_);
  sync.Start();

  ASSERT_TRUE(sync.WaitForSync({}));
  EXPECT_TRUE(cache_.synced());
  EXPECT_TRUE(WaitForPolicies(1));

  CreatePolicy(testing::OwnerAnnotationPolicy());
  EXPECT_TRUE(WaitForPolicies(2));

  ASSERT_TRUE(fake_.Delete(GoldenPolicyType(), "", "no-privileged").ok());
  EXPECT_TRUE(WaitForPolicies(1));
  EXPECT_EQ(cache_.Current()->policies()[0].name, "owner-annotation");
  sync.Stop();
}

TEST_F(PolicySyncTest, WaitEndsWhenStopped) {
  std::stop_source stop;
  stop.request_stop();
  PolicySync sync(fake_, fake_, cache_);
  // Not started, so it can never sync; the stop request must end the wait.
  EXPECT_FALSE(sync.WaitForSync(stop.get_token()));
  EXPECT_FALSE(cache_.synced());
}

}  // namespace
}  // namespace ccspm::webhook
