#include "kube/line_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ccspm::kube {
namespace {

struct Collector {
  std::vector<std::string> lines;
  size_t stop_after = SIZE_MAX;

  LineHandler Handler() {
    return [this](std::string_view line) {
      lines.emplace_back(line);
      return lines.size() < stop_after;
    };
  }
};

TEST(LineSplitterTest, JoinsLinesSplitAcrossChunks) {
  LineSplitter splitter(1024);
  Collector collector;
  LineHandler handler = collector.Handler();
  EXPECT_TRUE(splitter.Feed("{\"a\":", handler));
  EXPECT_TRUE(splitter.Feed("1}\n{\"b\"", handler));
  EXPECT_TRUE(splitter.Feed(":2}\n", handler));
  EXPECT_EQ(collector.lines, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"}));
}

TEST(LineSplitterTest, HandlesOneByteChunksCrlfAndBlankLines) {
  const std::string stream = "one\r\n\ntwo\nthree";
  LineSplitter splitter(1024);
  Collector collector;
  LineHandler handler = collector.Handler();
  for (char c : stream) ASSERT_TRUE(splitter.Feed(std::string_view(&c, 1), handler));
  EXPECT_EQ(collector.lines, (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(splitter.Finish(handler));
  EXPECT_EQ(collector.lines.back(), "three");
}

TEST(LineSplitterTest, StopsWhenTheHandlerSaysSo) {
  LineSplitter splitter(1024);
  Collector collector;
  collector.stop_after = 1;
  LineHandler handler = collector.Handler();
  EXPECT_FALSE(splitter.Feed("a\nb\nc\n", handler));
  EXPECT_FALSE(splitter.Feed("d\n", handler));
  EXPECT_EQ(collector.lines, (std::vector<std::string>{"a"}));
  EXPECT_FALSE(splitter.overflowed());
}

TEST(LineSplitterTest, RefusesOverlongLinesWholeOrInPieces) {
  Collector collector;
  LineHandler handler = collector.Handler();

  LineSplitter whole(4);
  EXPECT_FALSE(whole.Feed("12345\n", handler));
  EXPECT_TRUE(whole.overflowed());

  LineSplitter pieces(4);
  EXPECT_TRUE(pieces.Feed("123", handler));
  EXPECT_FALSE(pieces.Feed("45", handler));
  EXPECT_TRUE(pieces.overflowed());
  EXPECT_TRUE(collector.lines.empty());
}

}  // namespace
}  // namespace ccspm::kube
