#include "controller/policy_sync.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "kube/fake_client.h"
#include "kube/fault_injecting_client.h"

namespace ccspm::controller {
namespace {

using namespace std::chrono_literals;

// Serves the Widget kind only once `served` is set, as discovery does once its CRD is installed.
class LateResolver final : public kube::ResourceResolver {
 public:
  std::atomic<bool> served{false};
  std::atomic<int> calls{0};

  Result<kube::ResourceType> Resolve(std::string_view group, std::string_view kind) override {
    ++calls;
    if (group == "example.io" && kind == "Widget" && served) {
      return kube::ResourceType{"example.io", "v1", "widgets", "Widget", true};
    }
    return NotFoundError("no kind " + std::string(kind));
  }
  Result<kube::ResourceType> ResolveVersion(std::string_view group, std::string_view,
                                            std::string_view kind) override {
    return Resolve(group, kind);
  }
  void Forget(std::string_view group, std::string_view version) override {
    if (group == "example.io" && version == "v1") ++forgotten;
  }

  std::atomic<int> forgotten{0};
};

// Polls `condition` for up to two seconds.
template <typename Condition>
bool Eventually(Condition condition) {
  for (int i = 0; i < 200; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

// A policy on Widgets of example.io, stored in `fake`.
void StoreWidgetPolicy(kube::FakeClient& fake) {
  Result<JsonDocument> policy = ParseJson(R"({
    "apiVersion": "ccspm.io/v1alpha1", "kind": "GoldenPolicy",
    "metadata": {"name": "widgets", "generation": 1},
    "spec": {"match": {"kinds": ["example.io/Widget"]},
             "settings": [{"id": "replicas", "path": "spec.replicas", "value": 2}]}})");
  ASSERT_TRUE(policy.ok());
  ASSERT_TRUE(fake.Create(GoldenPolicyType(), "", *policy).ok());
}

TEST(ControllerPolicySyncTest, WatchesAKindOnceTheClusterServesIt) {
  kube::FakeClient fake;
  StoreWidgetPolicy(fake);

  LateResolver resolver;
  WorkQueue queue;
  Metrics metrics;
  WatchSet watch_set(fake, fake, queue, {}, {});
  PolicySync sync(fake, fake, fake, resolver, watch_set, metrics, {}, 20ms);
  sync.Start();
  ASSERT_TRUE(Eventually([&] { return sync.Synced(); }));
  EXPECT_EQ(watch_set.size(), 0u) << "not served yet";
  ASSERT_TRUE(Eventually([&] { return resolver.calls > 3; })) << "asked again while missing";

  resolver.served = true;
  EXPECT_TRUE(Eventually([&] { return watch_set.size() == 1; }))
      << "watched without any policy change";
  const int calls = resolver.calls;
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(resolver.calls, calls) << "no more asking once every kind is served";

  sync.Stop();
  watch_set.StopAll();
  queue.ShutDown();
}

TEST(ControllerPolicySyncTest, StopsWatchingAKindTheClusterNoLongerServes) {
  kube::FakeClient fake;
  kube::FaultInjectingClient faults(fake);
  StoreWidgetPolicy(fake);

  LateResolver resolver;
  resolver.served = true;
  WorkQueue queue;
  Metrics metrics;
  kube::InformerOptions quick;
  quick.backoff = {.initial = 1ms, .max = 5ms, .jitter = 0};
  WatchSet watch_set(faults, faults, queue, {}, quick);
  PolicySync sync(faults, faults, faults, resolver, watch_set, metrics, quick, 20ms);
  sync.Start();
  ASSERT_TRUE(Eventually([&] { return watch_set.size() == 1 && watch_set.Synced(); }));

  // The CRD is deleted: discovery stops serving the kind and its watch is answered 404.
  resolver.served = false;
  faults.FailNext(kube::Operation::kWatch, NotFoundError("the server could not find it"), 1000);
  fake.EndWatches();
  EXPECT_TRUE(Eventually([&] { return watch_set.size() == 0; })) << "the watch is stopped";
  EXPECT_GE(resolver.forgotten, 1) << "the resolver is told to forget the group version";

  sync.Stop();
  watch_set.StopAll();
  queue.ShutDown();
}

}  // namespace
}  // namespace ccspm::controller
