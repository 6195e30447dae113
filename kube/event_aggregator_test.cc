#include "kube/event_aggregator.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

using Clock = std::chrono::steady_clock;

class EventAggregatorTest : public ::testing::Test {
 protected:
  EventAggregator Make(size_t capacity = 4096) {
    return EventAggregator({.window = std::chrono::seconds(600),
                            .capacity = capacity,
                            .now = [this] { return now_; }});
  }

  Clock::time_point now_{};
  const ObjectReference web_{"apps/v1", "Deployment", "prod", "web", "uid-1", "3"};
};

TEST_F(EventAggregatorTest, KeysTellObjectsReasonsMessagesAndIncarnationsApart) {
  const std::string key = EventAggregator::Key(web_, EventType::kNormal, "Repaired", "m");
  EXPECT_EQ(key, EventAggregator::Key(web_, EventType::kNormal, "Repaired", "m"));
  EXPECT_NE(key, EventAggregator::Key(web_, EventType::kWarning, "Repaired", "m"));
  EXPECT_NE(key, EventAggregator::Key(web_, EventType::kNormal, "Detected", "m"));
  EXPECT_NE(key, EventAggregator::Key(web_, EventType::kNormal, "Repaired", "n"));
  ObjectReference recreated = web_;
  recreated.uid = "uid-2";
  EXPECT_NE(key, EventAggregator::Key(recreated, EventType::kNormal, "Repaired", "m"));
  // A resourceVersion changes with every write and must not split the count.
  ObjectReference written = web_;
  written.resource_version = "4";
  EXPECT_EQ(key, EventAggregator::Key(written, EventType::kNormal, "Repaired", "m"));
}

TEST_F(EventAggregatorTest, FindsARepeatOnlyWithinTheWindowOfTheLastOne) {
  EventAggregator events = Make();
  EXPECT_FALSE(events.Find("k").has_value());
  events.Remember("k", {"prod", "web.1", 1});

  now_ += std::chrono::seconds(500);
  ASSERT_TRUE(events.Find("k").has_value());
  events.Remember("k", {"prod", "web.1", 2});

  now_ += std::chrono::seconds(500);  // 1000 s after the first, 500 after the last.
  std::optional<RecordedEvent> seen = events.Find("k");
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->name, "web.1");
  EXPECT_EQ(seen->count, 2);

  now_ += std::chrono::seconds(601);
  EXPECT_FALSE(events.Find("k").has_value());
}

TEST_F(EventAggregatorTest, ForgetsTheStalestPastItsCapacity) {
  EventAggregator events = Make(2);
  events.Remember("a", {"prod", "a.1", 1});
  now_ += std::chrono::seconds(1);
  events.Remember("b", {"prod", "b.1", 1});
  now_ += std::chrono::seconds(1);
  events.Remember("c", {"prod", "c.1", 1});
  EXPECT_FALSE(events.Find("a").has_value());
  EXPECT_TRUE(events.Find("b").has_value());
  EXPECT_TRUE(events.Find("c").has_value());
}

}  // namespace
}  // namespace ccspm::kube
