#include "webhook/warning_limits.h"

#include <gtest/gtest.h>

namespace ccspm::webhook {
namespace {

TEST(WarningLimitsTest, KeepsShortWarnings) {
  std::vector<std::string> warnings = {"a", "b"};
  EXPECT_EQ(LimitWarnings(warnings), warnings);
}

TEST(WarningLimitsTest, ShortensLongWarningAtCharacterBoundary) {
  // 'é' is two bytes, so a byte cut at 253 would fall inside one.
  std::string text = "x";
  for (int i = 0; i < 200; ++i) text += "\xc3\xa9";

  std::vector<std::string> limited = LimitWarnings({text});
  ASSERT_EQ(limited.size(), 1u);
  EXPECT_LE(limited[0].size(), kMaxWarningBytes);
  EXPECT_EQ(limited[0].substr(limited[0].size() - 3), "...");
  EXPECT_EQ(limited[0].size(), 1 + 2 * 126 + 3u);
}

TEST(WarningLimitsTest, DropsWarningsPastTheTotalWithACount) {
  std::vector<std::string> warnings(40, std::string(200, 'w'));
  std::vector<std::string> limited = LimitWarnings(warnings);

  size_t total = 0;
  for (const std::string& w : limited) total += w.size();
  EXPECT_LE(total, kMaxTotalWarningBytes);
  size_t kept = limited.size() - 1;
  EXPECT_EQ(limited.back(), std::to_string(40 - kept) + " more warnings omitted");
}

}  // namespace
}  // namespace ccspm::webhook
