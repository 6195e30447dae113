#include "webhook/base64.h"

#include <gtest/gtest.h>

namespace ccspm::webhook {
namespace {

TEST(Base64Test, EncodesEveryPaddingLength) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode(std::string("\xff\xfe", 2)), "//4=");
}

TEST(Base64Test, DecodesWhatItEncodes) {
  for (std::string text : {"", "f", "fo", "foo", "[{\"op\":\"add\"}]"}) {
    EXPECT_EQ(Base64Decode(Base64Encode(text)), text);
  }
}

TEST(Base64Test, RejectsMalformedText) {
  EXPECT_FALSE(Base64Decode("Zg=").has_value());
  EXPECT_FALSE(Base64Decode("Z===").has_value());
  EXPECT_FALSE(Base64Decode("Zg==Zg==").has_value());
  EXPECT_FALSE(Base64Decode("Zm9*").has_value());
}

}  // namespace
}  // namespace ccspm::webhook
