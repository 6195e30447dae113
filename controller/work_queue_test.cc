#include "controller/work_queue.h"

#include <gtest/gtest.h>

#include <thread>

namespace ccspm::controller {
namespace {

using std::chrono::milliseconds;

TEST(WorkQueueTest, DeduplicatesQueuedKeys) {
  WorkQueue queue;
  queue.Add("ns/a");
  queue.Add("ns/a");
  queue.Add("ns/b");
  EXPECT_EQ(queue.Length(), 2u);
  EXPECT_EQ(queue.Get(), "ns/a");
  EXPECT_EQ(queue.Get(), "ns/b");
}

TEST(WorkQueueTest, KeyAddedWhileProcessingComesBackAfterDone) {
  WorkQueue queue;
  queue.Add("ns/a");
  ASSERT_EQ(queue.Get(), "ns/a");
  queue.Add("ns/a");
  EXPECT_EQ(queue.Length(), 0u) << "must not be handed to a second worker while held";
  queue.Done("ns/a");
  EXPECT_EQ(queue.Length(), 1u);
  EXPECT_EQ(queue.Get(), "ns/a");
}

TEST(WorkQueueTest, AddAfterDeliversOnlyOnceDue) {
  WorkQueue queue;
  auto start = WorkQueue::Clock::now();
  queue.AddAfter("ns/a", milliseconds(30));
  EXPECT_EQ(queue.Length(), 0u);
  EXPECT_EQ(queue.Get(), "ns/a");
  EXPECT_GE(WorkQueue::Clock::now() - start, milliseconds(30));
}

TEST(WorkQueueTest, ShutDownWakesBlockedGet) {
  WorkQueue queue;
  std::thread worker([&] { EXPECT_EQ(queue.Get(), std::nullopt); });
  std::this_thread::sleep_for(milliseconds(10));
  queue.ShutDown();
  worker.join();
}

TEST(RetryBackoffTest, DoublesUpToTheCapAndForgets) {
  RetryBackoff backoff(milliseconds(100), milliseconds(1000));
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(100));
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(200));
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(400));
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(800));
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(1000));
  EXPECT_EQ(backoff.Failures("k"), 5);
  backoff.Forget("k");
  EXPECT_EQ(backoff.NextDelay("k"), milliseconds(100));
}

}  // namespace
}  // namespace ccspm::controller
