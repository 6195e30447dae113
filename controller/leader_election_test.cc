#include "controller/leader_election.h"

#include <gtest/gtest.h>

#include "kube/fake_client.h"
#include "kube/fault_injecting_client.h"

namespace ccspm::controller {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::seconds;

class LeaderElectionTest : public ::testing::Test {
 protected:
  LeaderElectionOptions Options(std::string identity) {
    LeaderElectionOptions options;
    options.namespace_name = "ccspm";
    options.identity = std::move(identity);
    options.retry_period = std::chrono::milliseconds(1);
    options.now = [this] { return now_; };
    return options;
  }

  std::string Holder() {
    Result<JsonDocument> lease = fake_.Get(LeasesResource(), "ccspm", "ccspm-controller");
    EXPECT_TRUE(lease.ok()) << lease.status().ToString();
    const JsonValue* holder = lease.ok() ? FindPath(*lease, "spec.holderIdentity") : nullptr;
    return holder != nullptr && holder->IsString() ? holder->GetString() : "(none)";
  }

  int64_t Transitions() {
    Result<JsonDocument> lease = fake_.Get(LeasesResource(), "ccspm", "ccspm-controller");
    const JsonValue* value = lease.ok() ? FindPath(*lease, "spec.leaseTransitions") : nullptr;
    return value != nullptr && value->IsInt64() ? value->GetInt64() : -1;
  }

  Clock::time_point now_{};
  kube::FakeClient fake_;
};

TEST_F(LeaderElectionTest, OneLeadsWhileItRenewsAndTheOtherTakesOverWhenItStops) {
  LeaderElector a(fake_, fake_, Options("a"));
  LeaderElector b(fake_, fake_, Options("b"));

  ASSERT_TRUE(a.TryAcquireOrRenew()) << "the first creates the Lease";
  EXPECT_EQ(Holder(), "a");
  EXPECT_FALSE(b.TryAcquireOrRenew());

  // a renews every few seconds: b, seeing the record change, keeps standing by.
  for (int i = 0; i < 10; ++i) {
    now_ += seconds(5);
    ASSERT_TRUE(a.TryAcquireOrRenew());
    EXPECT_FALSE(b.TryAcquireOrRenew()) << "round " << i;
  }

  // a stops renewing: b takes over once it has seen the same record (first seen in the last
  // round above) for the lease duration.
  now_ += seconds(10);
  EXPECT_FALSE(b.TryAcquireOrRenew());
  now_ += seconds(4);
  EXPECT_FALSE(b.TryAcquireOrRenew()) << "14 s is under the 15 s lease";
  now_ += seconds(2);
  ASSERT_TRUE(b.TryAcquireOrRenew());
  EXPECT_EQ(Holder(), "b");
  EXPECT_EQ(Transitions(), 1);
  EXPECT_FALSE(a.TryAcquireOrRenew()) << "a comes back and finds b leading";
}

TEST_F(LeaderElectionTest, AReleasedLeaseIsTakenAtOnce) {
  LeaderElector a(fake_, fake_, Options("a"));
  LeaderElector b(fake_, fake_, Options("b"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  EXPECT_FALSE(b.TryAcquireOrRenew());

  a.Release();
  EXPECT_EQ(Holder(), "");
  EXPECT_TRUE(b.TryAcquireOrRenew()) << "no wait for the lease duration";
  EXPECT_EQ(Holder(), "b");
}

TEST_F(LeaderElectionTest, AWriteFromAnOutdatedReadLoses) {
  LeaderElector a(fake_, fake_, Options("a"));
  kube::FaultInjectingClient faulty(fake_);
  LeaderElector b(faulty, faulty, Options("b"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  a.Release();

  // b reads the released Lease, but another replica wrote first: the API server says conflict.
  faulty.FailNext(kube::Operation::kPatch, kube::InjectedConflict());
  EXPECT_FALSE(b.TryAcquireOrRenew());
  EXPECT_EQ(Holder(), "");
}

// A Lease deleted under a working leader is not a free Lease: a standby that recreated it at
// once would work beside the leader until the leader noticed.
TEST_F(LeaderElectionTest, ADeletedLeaseIsNotTakenWhileItsHolderMayStillWork) {
  LeaderElector a(fake_, fake_, Options("a"));
  LeaderElector b(fake_, fake_, Options("b"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  EXPECT_FALSE(b.TryAcquireOrRenew());

  ASSERT_TRUE(fake_.Delete(LeasesResource(), "ccspm", "ccspm-controller").ok());
  now_ += seconds(5);
  EXPECT_FALSE(b.TryAcquireOrRenew()) << "a may still be working";
  EXPECT_FALSE(fake_.Get(LeasesResource(), "ccspm", "ccspm-controller").ok());

  // The leader notices first and recreates it: it goes on leading.
  ASSERT_TRUE(a.TryAcquireOrRenew());
  EXPECT_EQ(Holder(), "a");
  EXPECT_FALSE(b.TryAcquireOrRenew());

  // Deleted again and the leader gone for good: the standby waits out the lease, then leads.
  ASSERT_TRUE(fake_.Delete(LeasesResource(), "ccspm", "ccspm-controller").ok());
  now_ += seconds(14);
  EXPECT_FALSE(b.TryAcquireOrRenew());
  now_ += seconds(2);
  EXPECT_TRUE(b.TryAcquireOrRenew());
  EXPECT_EQ(Holder(), "b");
}

TEST_F(LeaderElectionTest, ALeaderThatFindsAnotherHolderStopsAtOnce) {
  kube::FaultInjectingClient counted(fake_);
  LeaderElector a(counted, counted, Options("a"));
  ASSERT_TRUE(a.TryAcquireOrRenew());

  Result<JsonDocument> patch = ParseJson(R"({"spec": {"holderIdentity": "z"}})");
  ASSERT_TRUE(patch.ok());
  ASSERT_TRUE(fake_.Patch(LeasesResource(), "ccspm", "ccspm-controller",
                          kube::PatchType::kMergePatch, *patch)
                  .ok());
  const int gets = counted.Calls(kube::Operation::kGet);
  Status kept = a.KeepLeading(std::stop_source().get_token());
  EXPECT_EQ(kept.kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(counted.Calls(kube::Operation::kGet), gets + 1) << "no retries until the deadline";
}

TEST_F(LeaderElectionTest, ALeaderThatCannotRenewStopsLeading) {
  kube::FaultInjectingClient faulty(fake_);
  LeaderElectionOptions options = Options("a");
  // Each reading of the clock moves it a second on, so the deadline passes in a few tries.
  options.now = [this] { return now_ += seconds(1); };
  LeaderElector a(faulty, faulty, options);
  ASSERT_TRUE(a.TryAcquireOrRenew());

  faulty.FailNext(kube::Operation::kGet, kube::InjectedTimeout(), 1000);
  std::stop_source stop;
  Status kept = a.KeepLeading(stop.get_token());
  EXPECT_EQ(kept.kind(), ErrorKind::kUnavailable);
  EXPECT_NE(kept.message().find("leadership lost"), std::string::npos) << kept.message();
}

TEST_F(LeaderElectionTest, StoppingReleasesTheLease) {
  LeaderElector a(fake_, fake_, Options("a"));
  ASSERT_TRUE(a.WaitUntilLeading(std::stop_source().get_token()));
  std::stop_source stop;
  stop.request_stop();
  EXPECT_TRUE(a.KeepLeading(stop.get_token()).ok());
  EXPECT_EQ(Holder(), "a") << "held until the work has stopped";
  a.Release();
  EXPECT_EQ(Holder(), "");
}

}  // namespace
}  // namespace ccspm::controller
