#include "kube/discovery.h"

#include <gtest/gtest.h>

#include "kube/testing/scripted_transport.h"

namespace ccspm::kube {
namespace {

using testing::ScriptedTransport;

class DiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    transport_->Respond("GET", "/api", 200, R"({"kind":"APIVersions","versions":["v1"]})");
    transport_->Respond("GET", "/apis", 200, R"({"kind":"APIGroupList","groups":[
        {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
         "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
        {"name":"ccspm.io","versions":[{"groupVersion":"ccspm.io/v1","version":"v1"},
                                       {"groupVersion":"ccspm.io/v1beta1","version":"v1beta1"}],
         "preferredVersion":{"groupVersion":"ccspm.io/v1","version":"v1"}}]})");
    transport_->Respond("GET", "/api/v1", 200, R"({"kind":"APIResourceList","resources":[
        {"name":"pods","namespaced":true,"kind":"Pod"},
        {"name":"pods/status","namespaced":true,"kind":"Pod"},
        {"name":"nodes","namespaced":false,"kind":"Node"}]})");
    transport_->Respond("GET", "/apis/apps/v1", 200, R"({"resources":[
        {"name":"deployments","namespaced":true,"kind":"Deployment"}]})");
    transport_->Respond("GET", "/apis/ccspm.io/v1", 200, R"({"resources":[
        {"name":"policies","namespaced":false,"kind":"Policy"}]})");
    transport_->Respond("GET", "/apis/ccspm.io/v1beta1", 200, R"({"resources":[
        {"name":"policies","namespaced":false,"kind":"Policy"},
        {"name":"oldthings","namespaced":true,"kind":"OldThing"}]})");
  }

  size_t Requests() const { return transport_->requests().size(); }

  std::shared_ptr<ScriptedTransport> transport_ = std::make_shared<ScriptedTransport>();
  std::chrono::steady_clock::time_point now_{};
  Discovery discovery_{
      transport_,
      {.min_refresh_interval = std::chrono::seconds(10), .now = [this] { return now_; }}};
};

TEST_F(DiscoveryTest, ResolvesCoreAndGroupKinds) {
  Result<ResourceType> pod = discovery_.Resolve("", "Pod");
  ASSERT_TRUE(pod.ok()) << pod.status().ToString();
  EXPECT_EQ(*pod, (ResourceType{"", "v1", "pods", "Pod", true}));

  Result<ResourceType> node = discovery_.Resolve("", "Node");
  ASSERT_TRUE(node.ok());
  EXPECT_FALSE(node->namespaced);

  Result<ResourceType> deployment = discovery_.Resolve("apps", "Deployment");
  ASSERT_TRUE(deployment.ok());
  EXPECT_EQ(deployment->ApiPath("a", "b"), "/apis/apps/v1/namespaces/a/deployments/b");
}

TEST_F(DiscoveryTest, PrefersThePreferredVersionAndFallsBackToOthers) {
  EXPECT_EQ(discovery_.Resolve("ccspm.io", "Policy")->version, "v1");
  EXPECT_EQ(discovery_.Resolve("ccspm.io", "OldThing")->version, "v1beta1");
  EXPECT_EQ(discovery_.ResolveVersion("ccspm.io", "v1beta1", "Policy")->version, "v1beta1");
}

TEST_F(DiscoveryTest, CachesHitsAndRateLimitsMisses) {
  ASSERT_TRUE(discovery_.Resolve("", "Pod").ok());
  size_t after_first = Requests();
  ASSERT_TRUE(discovery_.Resolve("", "Pod").ok());
  ASSERT_TRUE(discovery_.Resolve("", "Node").ok());
  EXPECT_EQ(Requests(), after_first);

  EXPECT_EQ(discovery_.Resolve("", "Widget").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(discovery_.Resolve("", "Widget").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(Requests(), after_first);

  // Once the interval has passed, a miss refreshes and finds a newly installed kind.
  transport_->Respond("GET", "/api/v1", 200,
                      R"({"resources":[{"name":"widgets","namespaced":true,"kind":"Widget"}]})");
  now_ += std::chrono::seconds(11);
  EXPECT_EQ(discovery_.Resolve("", "Widget")->resource, "widgets");
}

// A kind whose CRD was deleted is answered from the cache until the user says so; then the
// next lookup asks the API server again, without waiting for the refresh interval.
TEST_F(DiscoveryTest, ForgetsAGroupVersionOnRequest) {
  ASSERT_TRUE(discovery_.Resolve("apps", "Deployment").ok());
  transport_->Respond("GET", "/apis/apps/v1", 200, R"({"resources":[]})");
  EXPECT_TRUE(discovery_.Resolve("apps", "Deployment").ok()) << "a hit, from the cache";

  const size_t before = Requests();
  discovery_.Forget("apps", "v1");
  Result<ResourceType> gone = discovery_.Resolve("apps", "Deployment");
  EXPECT_EQ(gone.status().kind(), ErrorKind::kNotFound);
  EXPECT_GT(Requests(), before);
  EXPECT_TRUE(discovery_.Resolve("", "Pod").ok()) << "other groups are still known";
}

TEST_F(DiscoveryTest, UnknownGroupIsNotFoundAndServerErrorsPassThrough) {
  EXPECT_EQ(discovery_.Resolve("nope.io", "X").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(discovery_.ResolveVersion("apps", "v9", "X").status().kind(), ErrorKind::kNotFound);

  auto broken = std::make_shared<ScriptedTransport>();
  broken->Respond("GET", "/api", 503, "overloaded");
  Discovery discovery(broken);
  EXPECT_EQ(discovery.Resolve("", "Pod").status().kind(), ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace ccspm::kube
