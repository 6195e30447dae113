#include "kube/tls.h"

#include <gtest/gtest.h>

#include "kube/https_transport.h"
#include "kube/testing/test_pki.h"

namespace ccspm::kube {
namespace {

using testing::MakeCert;
using testing::TestCert;

TEST(TlsTest, ParsesBundlesAndSkipsOtherBlocks) {
  TestCert ca = MakeCert("ca", nullptr, "");
  TestCert leaf = MakeCert("leaf", &ca, "DNS:leaf");
  Result<std::vector<X509Ptr>> certs =
      ParseCertificates(leaf.cert_pem + leaf.key_pem + ca.cert_pem);
  ASSERT_TRUE(certs.ok()) << certs.status().ToString();
  EXPECT_EQ(certs->size(), 2u);
  EXPECT_TRUE(ParsePrivateKey(leaf.key_pem).ok());
  EXPECT_TRUE(TrustAnchors::FromPem(ca.cert_pem).ok());
}

TEST(TlsTest, RejectsGarbage) {
  EXPECT_EQ(ParseCertificates("").status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(ParseCertificates("hello").status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(ParseCertificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
                .status()
                .kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(ParsePrivateKey("nope").status().kind(), ErrorKind::kInvalid);
}

TEST(HttpsTransportCreateTest, ChecksTheConfigUpFront) {
  TestCert ca = MakeCert("ca", nullptr, "");
  TestCert client = MakeCert("client", &ca, "DNS:client", "clientAuth");
  TestCert other = MakeCert("other", &ca, "DNS:other", "clientAuth");
  ClusterConfig config{.server = "https://127.0.0.1:1", .ca_pem = ca.cert_pem};
  EXPECT_TRUE(HttpsTransport::Create(config).ok());

  ClusterConfig mismatched = config;
  mismatched.client_cert_pem = client.cert_pem;
  mismatched.client_key_pem = other.key_pem;
  Result<std::unique_ptr<HttpsTransport>> created = HttpsTransport::Create(mismatched);
  EXPECT_EQ(created.status().kind(), ErrorKind::kInvalid);
  EXPECT_NE(created.status().message().find("does not match"), std::string::npos);

  ClusterConfig half = config;
  half.client_cert_pem = client.cert_pem;
  EXPECT_EQ(HttpsTransport::Create(half).status().kind(), ErrorKind::kInvalid);

  ClusterConfig bad_ca = config;
  bad_ca.ca_pem = "junk";
  EXPECT_EQ(HttpsTransport::Create(bad_ca).status().kind(), ErrorKind::kInvalid);

  ClusterConfig http = config;
  http.server = "http://127.0.0.1:1";
  EXPECT_EQ(HttpsTransport::Create(http).status().kind(), ErrorKind::kInvalid);
}

}  // namespace
}  // namespace ccspm::kube
