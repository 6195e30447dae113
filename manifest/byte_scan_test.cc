#include "manifest/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace ccspm::manifest {
namespace {

// The byte-at-a-time answers the block scans must agree with.
size_t SlowPrefix(const std::string& text, bool (*accept)(unsigned char)) {
  size_t i = 0;
  while (i < text.size() && accept(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

bool Printable(unsigned char byte) { return (byte >= 0x20 && byte < 0x7F) || byte == '\n'; }
bool Ascii(unsigned char byte) { return byte != 0 && byte < 0x80; }
bool NotBreakColonOrHash(unsigned char byte) { return byte != '#' && byte != '\n' && byte != ':'; }
bool Space(unsigned char byte) { return byte == ' '; }

TEST(ByteScanTest, FindsTheFirstByteOutsideEachClass) {
  const std::string text = "metadata:\n  name: web\tx";
  const char* end = text.data() + text.size();
  EXPECT_EQ(PrintableAsciiPrefix(text.data(), end), text.find('\t'));
  EXPECT_EQ(AsciiPrefix(text.data(), end), text.size());
  EXPECT_EQ(FindBreakColonOrHash(text.data(), end), 8u);
  EXPECT_EQ(FindBreakColonOrHash(text.data() + 9, end), 0u);
  EXPECT_EQ(CountSpaces(text.data() + 10, end), 2u);
  EXPECT_EQ(CountSpaces(text.data(), text.data()), 0u);
}

// Every position of every interesting byte, in and past the first block, against the slow scan.
TEST(ByteScanTest, AgreesWithTheSlowScanAtEveryOffset) {
  const std::string stops = std::string("\t\r\x7F\x80\xC3\xFF \n:#", 10) + std::string(1, '\0');
  for (size_t length = 0; length < 40; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (char stop : stops) {
        std::string text(length, 'a');
        text[at] = stop;
        const char* end = text.data() + text.size();
        ASSERT_EQ(PrintableAsciiPrefix(text.data(), end), SlowPrefix(text, Printable))
            << length << " " << at << " " << int(stop);
        ASSERT_EQ(AsciiPrefix(text.data(), end), SlowPrefix(text, Ascii));
        ASSERT_EQ(FindBreakColonOrHash(text.data(), end), SlowPrefix(text, NotBreakColonOrHash));
        std::string spaces(length, ' ');
        spaces[at] = stop;
        ASSERT_EQ(CountSpaces(spaces.data(), spaces.data() + spaces.size()),
                  SlowPrefix(spaces, Space));
      }
    }
  }
}

TEST(ByteScanTest, AgreesWithTheSlowScanOnRandomBytes) {
  std::mt19937 random(7);
  const std::string alphabet = std::string("ab :\n\t\x7F\x80\xE2#", 10) + std::string(1, '\0');
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 100, 'x');
    for (char& c : text) c = random() % 8 == 0 ? alphabet[random() % alphabet.size()] : 'x';
    const char* end = text.data() + text.size();
    ASSERT_EQ(PrintableAsciiPrefix(text.data(), end), SlowPrefix(text, Printable));
    ASSERT_EQ(AsciiPrefix(text.data(), end), SlowPrefix(text, Ascii));
    ASSERT_EQ(FindBreakColonOrHash(text.data(), end), SlowPrefix(text, NotBreakColonOrHash));
  }
}

TEST(ByteScanTest, FindsLinesStartingWithEitherByteAndCountsTheBreaks) {
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string text = "a: 1\n" + std::string(pad, 'x') + "\n  - b\n\n.c\n-d";
    const char* end = text.data() + text.size();
    int lines = 0;
    bool printable = true;
    const size_t first = FindLineStartingWith(text.data(), end, '-', '.', &lines, &printable);
    ASSERT_EQ(first, text.find(".c")) << pad;
    EXPECT_EQ(lines, 4);
    const size_t second =
        FindLineStartingWith(text.data() + first, end, '-', '.', &lines, &printable);
    EXPECT_EQ(first + second, text.find("-d"));
    EXPECT_EQ(lines, 5);
    EXPECT_EQ(FindLineStartingWith(text.data() + first + second, end, '-', '.', &lines, &printable),
              2u);
    EXPECT_EQ(lines, 5);
    EXPECT_TRUE(printable);
  }
}

// Long runs are counted in rounds of blocks; every break must still be counted once.
TEST(ByteScanTest, CountsTheBreaksOfLongRuns) {
  for (size_t line_length : {1u, 7u, 16u, 33u}) {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += std::string(line_length, 'x') + "\n";
    const size_t marker = text.size();
    text += "---\n";
    int lines = 0;
    bool printable = true;
    EXPECT_EQ(
        FindLineStartingWith(text.data(), text.data() + text.size(), '-', '.', &lines, &printable),
        marker);
    EXPECT_EQ(lines, 5000) << line_length;
    EXPECT_TRUE(printable);
  }
}

// Printability is judged over exactly the bytes passed: before the line found, never after it.
TEST(ByteScanTest, FindingLinesJudgesPrintabilityOfTheBytesPassed) {
  for (size_t length = 1; length < 40; ++length) {
    for (size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text[at] = '\t';
      const std::string before = text + "\n-x";
      const std::string after = std::string(length, 'a') + "\n-" + text;
      int lines = 0;
      bool printable = true;
      FindLineStartingWith(before.data(), before.data() + before.size(), '-', '.', &lines,
                           &printable);
      EXPECT_FALSE(printable) << length << " " << at;
      printable = true;
      FindLineStartingWith(after.data(), after.data() + after.size(), '-', '.', &lines, &printable);
      EXPECT_TRUE(printable) << length << " " << at;
    }
  }
}

}  // namespace
}  // namespace ccspm::manifest
