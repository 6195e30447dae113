#include "base/base64.h"

#include <gtest/gtest.h>

namespace ccspm {
namespace {

TEST(Base64Test, EncodesEveryPaddingLength) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("\xfb\xff\xbf"), "+/+/");
}

TEST(Base64Test, DecodesWithAndWithoutPaddingAcrossLines) {
  EXPECT_EQ(*Base64Decode(""), "");
  EXPECT_EQ(*Base64Decode("QQ=="), "A");
  EXPECT_EQ(*Base64Decode("QUI="), "AB");
  EXPECT_EQ(*Base64Decode("QUJD"), "ABC");
  EXPECT_EQ(*Base64Decode("QUJ"), "AB");
  EXPECT_EQ(*Base64Decode("aGVs\nbG8g\r\nd29y bGQ="), "hello world");
  EXPECT_EQ(*Base64Decode("+/+/"), "\xfb\xff\xbf");
  for (std::string text : {"", "x", "\x01\x02\xff", "a longer text with all sorts"}) {
    EXPECT_EQ(*Base64Decode(Base64Encode(text)), text);
  }
}

TEST(Base64Test, RejectsForeignBytesBadLengthsAndBadPadding) {
  for (const char* bad : {"QQ=x", "Q", "QQ===", "QU-_", "Zg=", "Z===", "Zg==Zg==", "Zm9*"}) {
    EXPECT_EQ(Base64Decode(bad).status().message(), "invalid base64 data") << bad;
  }
}

}  // namespace
}  // namespace ccspm
