#include "manifest/text_check.h"

#include <gtest/gtest.h>

#include <string>

namespace ccspm::manifest {
namespace {

TEST(TextCheckTest, AcceptsUtf8AndSkipsTheByteOrderMark) {
  EXPECT_TRUE(CheckText("a: caf\xC3\xA9 \xF0\x9F\x90\xB3\n").ok());
  EXPECT_EQ(ByteOrderMarkLength("\xEF\xBB\xBF"
                                "a: 1"),
            3u);
}

TEST(TextCheckTest, NamesLineAndColumnOfInvalidUtf8) {
  Status status = CheckText("a: 1\nb: caf\xE9\n");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "invalid UTF-8 (byte 0xe9) at line 2 column 7");

  EXPECT_FALSE(CheckText("\xED\xA0\x80").ok()) << "a UTF-16 surrogate";
  EXPECT_FALSE(CheckText("\xC0\xAF").ok()) << "an overlong '/'";
}

TEST(TextCheckTest, RefusesBinaryAndUtf16) {
  Status binary =
      CheckText(std::string("\x7f"
                            "ELF\x02\x01\x00\x00",
                            8));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.message(), "binary data (NUL byte) at line 1 column 7");
  EXPECT_FALSE(CheckText("\xFF\xFE"
                         "a\0")
                   .ok());
}

TEST(TextCheckTest, CountsColumnsInCharacters) {
  const std::string text = "x\n\xC3\xA9\xC3\xA9: 1";
  EXPECT_EQ(CharacterColumn(text, 2), 1);
  EXPECT_EQ(CharacterColumn(text, 6), 3);
  EXPECT_EQ(CharacterColumn(text, 0), 1);
}

}  // namespace
}  // namespace ccspm::manifest
