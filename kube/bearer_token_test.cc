#include "kube/bearer_token.h"

#include <gtest/gtest.h>

#include "kube/testing/temp_dir.h"

namespace ccspm::kube {
namespace {

TEST(BearerTokenTest, StaticTokenNeverChanges) {
  BearerToken token("abc", "");
  EXPECT_EQ(token.Current(), "abc");
}

TEST(BearerTokenTest, RereadsARotatedFileAndKeepsTheLastGoodToken) {
  testing::TempDir dir;
  std::string path = dir.Write("token", "first\n");
  BearerToken token("first", path, std::chrono::seconds(0));
  EXPECT_EQ(token.Current(), "first");

  dir.Write("token", "second\n");
  EXPECT_EQ(token.Current(), "second");

  std::filesystem::remove(path);
  EXPECT_EQ(token.Current(), "second");
}

TEST(BearerTokenTest, WaitsForTheRefreshInterval) {
  testing::TempDir dir;
  std::string path = dir.Write("token", "first");
  BearerToken token("first", path, std::chrono::seconds(3600));
  dir.Write("token", "second");
  EXPECT_EQ(token.Current(), "first");
}

}  // namespace
}  // namespace ccspm::kube
