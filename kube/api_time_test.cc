#include "kube/api_time.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

TEST(MicroTimeTest, IsRfc3339WithMicroseconds) {
  const std::string time = MicroTimeNow();
  ASSERT_EQ(time.size(), 27u) << time;
  EXPECT_EQ(time[4], '-');
  EXPECT_EQ(time[10], 'T');
  EXPECT_EQ(time[19], '.');
  EXPECT_EQ(time.back(), 'Z');
}

}  // namespace
}  // namespace ccspm::kube
