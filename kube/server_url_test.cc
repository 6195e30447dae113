#include "kube/server_url.h"

#include <gtest/gtest.h>

namespace ccspm::kube {
namespace {

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
