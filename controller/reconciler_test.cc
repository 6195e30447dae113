#include "controller/reconciler.h"

#include <gtest/gtest.h>

#include "engine/policy_loader.h"
#include "kube/fake_client.h"

namespace ccspm::controller {
namespace {

const kube::ResourceType kDeployments{"apps", "v1", "deployments", "Deployment", true};

JsonDocument Json(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return std::move(parsed).value();
}

engine::PolicySetPtr Policies(std::string_view settings) {
  static std::vector<JsonDocument> keep;
  keep.push_back(Json(std::string(R"({"kind":"GoldenPolicy","metadata":{"name":"golden"},
    "spec":{"match":{"kinds":["Pod"]},"drift":{"action":"Remediate"},"settings":)") +
                      std::string(settings) + "}}"));
  engine::LoadedPolicies loaded = engine::LoadPolicies({&keep.back()});
  EXPECT_TRUE(loaded.errors.empty());
  return loaded.set;
}

// Serves the one object the test stored in the fake, the way the informer cache would.
class FakeCache : public ObjectCache {
 public:
  explicit FakeCache(kube::FakeClient& client) : client_(client) {}
  std::optional<CachedObject> Lookup(const std::string&) const override {
    Result<JsonDocument> object = client_.Get(kDeployments, "shop", "web");
    if (!object.ok()) return CachedObject{kDeployments, nullptr};
    return CachedObject{kDeployments, std::make_shared<JsonDocument>(std::move(*object))};
  }

 private:
  kube::FakeClient& client_;
};

// A writer whose server keeps its own value: it accepts the patch and stores nothing new, as the
// API server does with a value it normalizes back or a field it drops.
class KeepsItsValue : public kube::ObjectWriter {
 public:
  explicit KeepsItsValue(kube::FakeClient& client) : client_(client) {}
  Result<JsonDocument> Create(const kube::ResourceType&, std::string_view, const JsonValue&,
                              const kube::WriteOptions&) override {
    return InternalError("unused");
  }
  Result<JsonDocument> Patch(const kube::ResourceType& type, std::string_view ns,
                             std::string_view name, kube::PatchType, const JsonValue&,
                             const kube::WriteOptions&) override {
    ++patches;
    return client_.Get(type, ns, name);
  }
  Status Delete(const kube::ResourceType&, std::string_view, std::string_view,
                const kube::WriteOptions&) override {
    return InternalError("unused");
  }
  int patches = 0;

 private:
  kube::FakeClient& client_;
};

void StoreDeployment(kube::FakeClient& client) {
  JsonDocument deployment = Json(R"({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"web","namespace":"shop"},
    "spec":{"template":{"spec":{"containers":[{"name":"web",
      "securityContext":{"privileged":true}}]}}}})");
  ASSERT_TRUE(client.Create(kDeployments, "shop", deployment).ok());
}

TEST(ReconcilerTest, RepairsDriftWithOnePatchAndOneEventPerPlace) {
  kube::FakeClient client;
  StoreDeployment(client);
  FakeCache cache(client);
  Metrics metrics;
  DriftRecorder recorder(client, metrics);
  engine::PolicySetPtr policies = Policies(
      R"([{"id":"privileged","path":"spec.containers[*].securityContext.privileged",
           "value":false}])");
  Reconciler reconciler([&] { return policies; }, cache, client, recorder);

  Result<ReconcileResult> result = reconciler.Reconcile("apps/v1/deployments|shop/web");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(*result, ReconcileResult::kRepaired);

  Result<JsonDocument> stored = client.Get(kDeployments, "shop", "web");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE((*stored)["spec"]["template"]["spec"]["containers"][0]["securityContext"]
                   ["privileged"].GetBool());
  std::vector<kube::FakeClient::RecordedEvent> events = client.RecordedEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reason, "DriftRepaired");
  EXPECT_EQ(*reconciler.Reconcile("apps/v1/deployments|shop/web"), ReconcileResult::kInSync);
}

// Regression: a patch the API server accepted but did not keep was announced as a repair on
// every reconcile.
TEST(ReconcilerTest, AValueTheServerDoesNotKeepIsReportedOnceNotRepaired) {
  kube::FakeClient client;
  StoreDeployment(client);
  FakeCache cache(client);
  KeepsItsValue writer(client);
  Metrics metrics;
  DriftRecorder recorder(client, metrics);
  engine::PolicySetPtr policies = Policies(
      R"([{"id":"privileged","path":"spec.containers[*].securityContext.privileged",
           "value":false}])");
  Reconciler reconciler([&] { return policies; }, cache, writer, recorder);

  EXPECT_EQ(*reconciler.Reconcile("apps/v1/deployments|shop/web"), ReconcileResult::kReported);
  EXPECT_EQ(*reconciler.Reconcile("apps/v1/deployments|shop/web"), ReconcileResult::kReported);

  std::vector<kube::FakeClient::RecordedEvent> events = client.RecordedEvents();
  ASSERT_EQ(events.size(), 1u) << "the same unrepairable drift is reported once";
  EXPECT_EQ(events[0].reason, "DriftDetected");
  EXPECT_NE(events[0].message.find("not repairable"), std::string::npos) << events[0].message;
  EXPECT_EQ(writer.patches, 2);
}

}  // namespace
}  // namespace ccspm::controller

namespace ccspm::controller {
namespace {

// Regression: fighting another writer, the controller patched and recorded an Event on every
// change, 87 patches and 174 Events in 17 s.
TEST(ReconcilerTest, StopsFightingAWriterThatKeepsUndoingRepairs) {
  kube::FakeClient client;
  StoreDeployment(client);
  FakeCache cache(client);
  Metrics metrics;
  DriftRecorder recorder(client, metrics);
  engine::PolicySetPtr policies = Policies(
      R"([{"id":"privileged","path":"spec.containers[*].securityContext.privileged",
           "value":false}])");
  RepairBudget::Clock::time_point now{};
  RepairBudget budget(2, std::chrono::minutes(5), [&] { return now; });
  Reconciler reconciler([&] { return policies; }, cache, client, recorder, {}, &budget);
  JsonDocument undo = Json(R"([{"op":"replace",
    "path":"/spec/template/spec/containers/0/securityContext/privileged","value":true}])");

  for (int round = 0; round < 4; ++round) {
    ASSERT_TRUE(client.Patch(kDeployments, "shop", "web", kube::PatchType::kJsonPatch, undo).ok());
    Result<ReconcileResult> result = reconciler.Reconcile("apps/v1/deployments|shop/web");
    if (round < 2) {
      // The watch event of our own patch: in sync, and the count of repairs must survive it.
      EXPECT_EQ(*reconciler.Reconcile("apps/v1/deployments|shop/web"), ReconcileResult::kInSync);
    }
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(*result, round < 2 ? ReconcileResult::kRepaired : ReconcileResult::kReported)
        << "round " << round;
  }
  std::vector<kube::FakeClient::RecordedEvent> events = client.RecordedEvents();
  ASSERT_EQ(events.size(), 3u) << "two repairs, then one report for the paused ones";
  EXPECT_NE(events[2].message.find("repair paused"), std::string::npos);
  // The work loop looks again when the window has passed, even if nothing changes meanwhile.
  now += std::chrono::minutes(1);
  EXPECT_EQ(budget.RetryAfter("apps/v1/deployments|shop/web"),
            std::optional<RepairBudget::Clock::duration>(std::chrono::minutes(4)));
  EXPECT_EQ(budget.RetryAfter("apps/v1/deployments|shop/other"), std::nullopt);

  now += std::chrono::minutes(5);
  EXPECT_EQ(budget.RetryAfter("apps/v1/deployments|shop/web"), std::nullopt);
  EXPECT_EQ(*reconciler.Reconcile("apps/v1/deployments|shop/web"), ReconcileResult::kRepaired);
}

}  // namespace
}  // namespace ccspm::controller
