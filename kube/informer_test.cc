#include "kube/informer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "kube/fake_client.h"
#include "kube/fault_injecting_client.h"
#include "kube/object_meta.h"

namespace ccspm::kube {
namespace {

using std::chrono::milliseconds;

const ResourceType kConfigMaps{"", "v1", "configmaps", "ConfigMap", true};

JsonDocument ConfigMap(std::string_view name) {
  Result<JsonDocument> parsed =
      ParseJson(std::string(R"({"metadata":{"name":")") + std::string(name) + R"("}})");
  return std::move(parsed).value();
}

bool WaitUntil(const std::function<bool()>& condition, milliseconds timeout = milliseconds(5000)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(milliseconds(1));
  }
  return true;
}

// Records handler calls and injected sleeps; everything is read after WaitUntil, so one mutex
// keeps it simple.
class InformerTest : public ::testing::Test {
 protected:
  std::unique_ptr<Informer> MakeInformer(InformerOptions options = {}) {
    options.backoff = {.initial = milliseconds(100), .max = milliseconds(400), .jitter = 0.5};
    options.jitter = [] { return 0.0; };
    if (!options.sleep) {
      options.sleep = [this](milliseconds delay, std::stop_token) {
        std::function<void()> hook;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          sleeps_.push_back(delay);
          hook = std::exchange(on_next_sleep_, nullptr);
        }
        if (hook) hook();
      };
    }
    return std::make_unique<Informer>(
        faults_, faults_, kConfigMaps, options,
        InformerHandlers{.on_upsert = [this](const JsonDocument& o) { Record("upsert", o); },
                         .on_delete = [this](const JsonDocument& o) { Record("delete", o); }});
  }

  void Record(const char* what, const JsonDocument& object) {
    std::function<void()> hook;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      calls_.push_back(std::string(what) + " " + ObjectKey(object));
      hook = std::exchange(on_next_record_, nullptr);
    }
    if (hook) hook();
  }

  std::vector<std::string> Calls() {
    std::lock_guard<std::mutex> lock(mutex_);
    return calls_;
  }

  std::vector<milliseconds> Sleeps() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

  void Create(std::string_view name) {
    ASSERT_TRUE(fake_.Create(kConfigMaps, "prod", ConfigMap(name)).ok());
  }

  FakeClient fake_;
  FaultInjectingClient faults_{fake_};
  std::mutex mutex_;
  std::vector<std::string> calls_;
  std::vector<milliseconds> sleeps_;
  std::function<void()> on_next_sleep_;
  std::function<void()> on_next_record_;  // Runs on the informer's thread, in a handler.
};

TEST_F(InformerTest, ListsThenFollowsWatchEvents) {
  Create("a");
  Create("b");
  auto informer = MakeInformer();
  EXPECT_FALSE(informer->HasSynced());
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(milliseconds(5000)));
  EXPECT_EQ(Calls(), (std::vector<std::string>{"upsert prod/a", "upsert prod/b"}));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));

  Create("c");
  ASSERT_TRUE(fake_.Delete(kConfigMaps, "prod", "a").ok());
  ASSERT_TRUE(WaitUntil([&] { return Calls().size() == 4; }));
  EXPECT_EQ(Calls()[2], "upsert prod/c");
  EXPECT_EQ(Calls()[3], "delete prod/a");

  EXPECT_EQ(informer->Get("prod/a"), nullptr);
  ASSERT_NE(informer->Get("prod/c"), nullptr);
  EXPECT_EQ(ObjectName(*informer->Get("prod/c")), "c");
  EXPECT_EQ(informer->Snapshot().size(), 2u);
  EXPECT_EQ(faults_.Calls(Operation::kList), 1);
  EXPECT_TRUE(Sleeps().empty());
}

TEST_F(InformerTest, RelistsWhenTheWatchIsGoneAndReportsTheDifference) {
  Create("a");
  Create("b");
  faults_.FailNext(Operation::kWatch, InjectedGone());
  // Changes during the gap are only visible to the relist. A watch gone right after its list
  // backs off: the server cannot keep one.
  on_next_sleep_ = [&] {
    ASSERT_TRUE(fake_.Delete(kConfigMaps, "prod", "b").ok());
    Create("c");
  };

  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kList) == 2; }));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));

  EXPECT_EQ(Calls(), (std::vector<std::string>{"upsert prod/a", "upsert prod/b", "delete prod/b",
                                               "upsert prod/c"}));
  EXPECT_EQ(informer->Snapshot().size(), 2u);
  EXPECT_EQ(Sleeps(), std::vector<milliseconds>{milliseconds(100)});
}

TEST_F(InformerTest, RelistsAtOnceAfterAGoneErrorMidStream) {
  Create("a");
  faults_.EndNextWatchAfter(1, InjectedGone());
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(milliseconds(5000)));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));

  Create("b");
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kList) == 2; }));
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kWatch) == 2; }));
  EXPECT_NE(informer->Get("prod/b"), nullptr);
  EXPECT_TRUE(Sleeps().empty());  // The stream was productive, so no backoff.
}

// After failures (a CRD deleted, say), a 410 Gone is the server answering again: the relist
// happens at once instead of after the backoff the failures built up.
TEST_F(InformerTest, RelistsAtOnceWhenGoneFollowsFailedWatches) {
  Create("a");
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(milliseconds(5000)));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));
  Create("b");
  ASSERT_TRUE(WaitUntil([&] { return informer->Get("prod/b") != nullptr; }));

  faults_.FailNext(Operation::kWatch, InjectedTimeout(), 2);
  on_next_sleep_ = [&] {
    // Meanwhile the resource comes back with a new history: the watch after next is gone.
    faults_.FailNext(Operation::kWatch, InjectedGone());
    Create("c");
  };
  fake_.EndWatches();
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kList) == 2; }));
  ASSERT_TRUE(WaitUntil([&] { return informer->Get("prod/c") != nullptr; }));
  EXPECT_EQ(Sleeps(), (std::vector<milliseconds>{milliseconds(100), milliseconds(200)}))
      << "no third wait before the relist";
}

TEST_F(InformerTest, BacksOffExponentiallyWhileListingFails) {
  Create("a");
  faults_.FailNext(Operation::kList, InjectedTimeout(), 4);
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(milliseconds(5000)));
  EXPECT_EQ(Sleeps(), (std::vector<milliseconds>{milliseconds(100), milliseconds(200),
                                                 milliseconds(400), milliseconds(400)}));
  EXPECT_EQ(faults_.Calls(Operation::kList), 5);
}

TEST_F(InformerTest, ResumesAFailedWatchFromItsVersionWithoutRelisting) {
  Create("a");
  faults_.FailNext(Operation::kWatch, InjectedTimeout(), 2);
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kWatch) == 3; }));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));
  EXPECT_EQ(faults_.Calls(Operation::kList), 1);
  EXPECT_EQ(Sleeps(), (std::vector<milliseconds>{milliseconds(100), milliseconds(200)}));

  // A productive watch resets the backoff.
  Create("b");
  ASSERT_TRUE(WaitUntil([&] { return informer->Get("prod/b") != nullptr; }));
  faults_.FailNext(Operation::kWatch, InjectedTimeout());
  fake_.EndWatches();
  ASSERT_TRUE(WaitUntil([&] { return Sleeps().size() == 3; }));
  EXPECT_EQ(Sleeps()[2], milliseconds(100));
}

TEST_F(InformerTest, BookmarksMoveTheResumeVersionForward) {
  Create("a");
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));

  // Other kinds move the version on; without the bookmark the informer would resume from a
  // compacted version and have to relist.
  ASSERT_TRUE(fake_.Create(NamespacesResource(), "", ConfigMap("ns")).ok());
  fake_.Bookmark(kConfigMaps);
  fake_.CompactHistory();
  fake_.EndWatches();
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kWatch) == 2; }));
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));
  EXPECT_EQ(faults_.Calls(Operation::kList), 1);
}

TEST_F(InformerTest, StopInterruptsABlockedWatchPromptly) {
  auto informer = MakeInformer();
  informer->Start();
  ASSERT_TRUE(fake_.WaitForOpenWatches(1, milliseconds(5000)));
  auto started = std::chrono::steady_clock::now();
  informer->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000));
  EXPECT_EQ(fake_.OpenWatches(), 0u);
  informer->Stop();  // Idempotent.
}

TEST_F(InformerTest, StopInterruptsTheDefaultBackoffSleep) {
  faults_.FailNext(Operation::kList, InjectedTimeout(), 1000);
  auto informer = std::make_unique<Informer>(
      faults_, faults_, kConfigMaps,
      InformerOptions{.backoff = {.initial = std::chrono::seconds(30)}}, InformerHandlers{});
  informer->Start();
  ASSERT_TRUE(WaitUntil([&] { return faults_.Calls(Operation::kList) >= 1; }));
  auto started = std::chrono::steady_clock::now();
  informer->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000));
  EXPECT_FALSE(informer->HasSynced());
}

TEST_F(InformerTest, FollowsOneNamespaceWithASelector) {
  ASSERT_TRUE(fake_
                  .Create(kConfigMaps, "prod",
                          *ParseJson(R"({"metadata":{"name":"web","labels":{"app":"web"}}})"))
                  .ok());
  Create("plain");
  ASSERT_TRUE(fake_
                  .Create(kConfigMaps, "dev",
                          *ParseJson(R"({"metadata":{"name":"web","labels":{"app":"web"}}})"))
                  .ok());
  auto informer = MakeInformer({.namespace_name = "prod", .label_selector = "app=web"});
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(milliseconds(5000)));
  EXPECT_EQ(Calls(), std::vector<std::string>{"upsert prod/web"});
}

}  // namespace
}  // namespace ccspm::kube
