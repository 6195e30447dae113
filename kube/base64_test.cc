#include "kube/base64.h"

#include <gtest/gtest.h>

#include "kube/server_url.h"

namespace ccspm::kube {
namespace {

TEST(DecodeBase64Test, DecodesWithAndWithoutPaddingAcrossLines) {
  EXPECT_EQ(*DecodeBase64(""), "");
  EXPECT_EQ(*DecodeBase64("QQ=="), "A");
  EXPECT_EQ(*DecodeBase64("QUI="), "AB");
  EXPECT_EQ(*DecodeBase64("QUJD"), "ABC");
  EXPECT_EQ(*DecodeBase64("QUJ"), "AB");
  EXPECT_EQ(*DecodeBase64("aGVs\nbG8g\r\nd29y bGQ="), "hello world");
  EXPECT_EQ(DecodeBase64("+/+/").value(), "\xfb\xff\xbf");
}

TEST(DecodeBase64Test, RejectsForeignBytesAndBadLengths) {
  EXPECT_FALSE(DecodeBase64("QQ=x").ok());
  EXPECT_FALSE(DecodeBase64("Q").ok());
  EXPECT_FALSE(DecodeBase64("QQ===").ok());
  EXPECT_FALSE(DecodeBase64("QU-_").ok());
}

TEST(ParseServerUrlTest, ParsesHostPortAndPrefix) {
  Result<ServerUrl> url = ParseServerUrl("https://127.0.0.1:6443");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 6443);
  EXPECT_EQ(url->path_prefix, "");

  url = ParseServerUrl("https://kube.example/k8s/clusters/c-1/");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "kube.example");
  EXPECT_EQ(url->port, 443);
  EXPECT_EQ(url->path_prefix, "/k8s/clusters/c-1");

  url = ParseServerUrl("https://[fd00::1]:8443");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "fd00::1");
  EXPECT_EQ(url->port, 8443);
}

TEST(ParseServerUrlTest, RejectsWhatItCannotConnectTo) {
  for (const char* bad :
       {"http://x", "x:6443", "https://", "https://:1", "https://x:0", "https://x:70000",
        "https://x:12a", "https://u@x", "https://x/?a", "https://[::1"}) {
    EXPECT_EQ(ParseServerUrl(bad).status().kind(), ErrorKind::kInvalid) << bad;
  }
}

}  // namespace
}  // namespace ccspm::kube
