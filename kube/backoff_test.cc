#include "kube/backoff.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

using std::chrono::milliseconds;

TEST(BackoffTest, DoublesUpToTheCapAndResets) {
  Backoff backoff({.initial = milliseconds(100), .max = milliseconds(1000), .jitter = 0.2},
                  [] { return 0.0; });
  EXPECT_EQ(backoff.Next(), milliseconds(100));
  EXPECT_EQ(backoff.Next(), milliseconds(200));
  EXPECT_EQ(backoff.Next(), milliseconds(400));
  EXPECT_EQ(backoff.Next(), milliseconds(800));
  EXPECT_EQ(backoff.Next(), milliseconds(1000));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(backoff.Next(), milliseconds(1000));
  EXPECT_EQ(backoff.failures(), 105);

  backoff.Reset();
  EXPECT_EQ(backoff.Next(), milliseconds(100));
}

TEST(BackoffTest, JitterOnlyShortensDelays) {
  Backoff backoff({.initial = milliseconds(1000), .max = milliseconds(1000), .jitter = 0.5},
                  [] { return 0.999; });
  EXPECT_EQ(backoff.Next(), milliseconds(500));

  Backoff random({.initial = milliseconds(1000), .max = milliseconds(1000), .jitter = 0.2});
  for (int i = 0; i < 50; ++i) {
    milliseconds delay = random.Next();
    EXPECT_GE(delay, milliseconds(800));
    EXPECT_LE(delay, milliseconds(1000));
  }
}

}  // namespace
}  // namespace ccspm::kube
