#include "webhook/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "base/log.h"
#include "serving/observability.h"
#include "webhook/policy_cache.h"
#include "webhook/test_certs.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

namespace fs = std::filesystem;

// A real HTTPS webhook on 127.0.0.1 with a freshly generated certificate.
class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The client's writes may meet a socket the server already closed (413).
    signal(SIGPIPE, SIG_IGN);
    log::SetSink(&logs_);

    dir_ = fs::temp_directory_path() / ("ccspm-webhook-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    cert_file_ = (dir_ / "tls.crt").string();
    key_file_ = (dir_ / "tls.key").string();
    ca_file_ = (dir_ / "ca.crt").string();
    InstallCert("webhook-1", 1);

    Result<std::unique_ptr<ServingCert>> cert =
        ServingCert::Load(cert_file_, key_file_, std::chrono::milliseconds(0));
    ASSERT_TRUE(cert.ok()) << cert.status().ToString();
    cert_ = std::move(*cert);

    std::string text = testing::NoPrivilegedPolicy();
    Result<JsonDocument> document = ParseJson(text);
    ASSERT_TRUE(document.ok());
    cache_.Replace({&*document});

    HandlerConfig config{options_.max_body_bytes, options_.exempt_usernames};
    PolicySource current = [this] { return cache_.Current(); };
    validate_ =
        std::make_unique<AdmissionHandler>(WebhookKind::kValidate, config, current, &metrics_);
    mutate_ = std::make_unique<AdmissionHandler>(WebhookKind::kMutate, config, current, &metrics_);

    options_.address = "127.0.0.1";
    options_.port = 0;
    Result<std::unique_ptr<WebhookServer>> server = WebhookServer::Create(
        options_, *cert_, {validate_.get(), mutate_.get(), [this] { return cache_.synced(); }});
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    ASSERT_TRUE(server_->Start().ok());
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Stop();
    log::SetSink(nullptr);
    fs::remove_all(dir_);
  }

  // Writes a new serving pair, and makes the client trust only it.
  void InstallCert(const std::string& name, long serial) {
    testing::PemPair pair = testing::SelfSignedCert(name, serial);
    testing::WriteFile(cert_file_, pair.cert);
    testing::WriteFile(key_file_, pair.key);
    testing::WriteFile(ca_file_, pair.cert);
  }

  std::unique_ptr<httplib::SSLClient> Client() {
    auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", server_->port());
    client->set_ca_cert_path(ca_file_.c_str());
    client->enable_server_certificate_verification(true);
    client->set_connection_timeout(5);
    client->set_read_timeout(10);
    return client;
  }

  std::ostringstream logs_;
  fs::path dir_;
  std::string cert_file_, key_file_, ca_file_;
  WebhookOptions options_;
  Metrics metrics_;
  PolicyCache cache_{&metrics_};
  std::unique_ptr<ServingCert> cert_;
  std::unique_ptr<AdmissionHandler> validate_, mutate_;
  std::unique_ptr<WebhookServer> server_;
};

TEST_F(ServerTest, DeniesAPrivilegedPodOverTls) {
  testing::ReviewSpec spec;
  spec.uid = "tls-uid-1";
  httplib::Result res = Client()->Post("/validate", testing::Review(spec), "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);

  Result<JsonDocument> review = ParseJson(res->body);
  ASSERT_TRUE(review.ok()) << res->body;
  EXPECT_STREQ((*review)["response"]["uid"].GetString(), "tls-uid-1");
  EXPECT_FALSE((*review)["response"]["allowed"].GetBool());
}

TEST_F(ServerTest, RefusesA4MiBBodyWith413) {
  std::string body(4 * 1024 * 1024, ' ');
  httplib::Result res = Client()->Post("/validate", body, "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->body.find("over the limit of 3145728 bytes"), std::string::npos) << res->body;

  EXPECT_NE(metrics_.Serialize().find(
                R"(ccspm_admission_requests_total{decision="invalid",webhook="validate"} 1)"),
            std::string::npos);
}

TEST_F(ServerTest, RefusesMalformedJsonWith400) {
  httplib::Result res = Client()->Post("/mutate", "{\"apiVersion\":", "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("invalid JSON at line 1, column 15"), std::string::npos) << res->body;
}

TEST_F(ServerTest, HealthzAlwaysReadyzOnceSynced) {
  auto client = Client();
  httplib::Result health = client->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);

  httplib::Result before = client->Get("/readyz");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 503);

  cache_.MarkSynced();
  httplib::Result after = client->Get("/readyz");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(ServerTest, ServesARotatedCertificateWithoutRestart) {
  ASSERT_EQ(Client()->Get("/healthz")->status, 200);

  InstallCert("webhook-2", 2);
  // The client now trusts only the new certificate, so success proves it is served.
  httplib::Result res = Client()->Get("/healthz");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, MetricsEndpointServesPrometheusText) {
  ASSERT_TRUE(Client()->Post("/validate", testing::Review({}), "application/json"));

  Result<std::unique_ptr<serving::HttpListener>> listener = serving::StartObservabilityServer(
      "127.0.0.1", 0, {[this] { return metrics_.Serialize(); }, [] { return true; }});
  ASSERT_TRUE(listener.ok()) << listener.status().ToString();
  httplib::Client client("127.0.0.1", (*listener)->port());
  httplib::Result res = client.Get("/metrics");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(res->body.find("# TYPE ccspm_admission_requests_total counter"), std::string::npos);
  EXPECT_NE(
      res->body.find(R"(ccspm_admission_requests_total{decision="denied",webhook="validate"} 1)"),
      std::string::npos)
      << res->body;
  EXPECT_NE(res->body.find("ccspm_policies_loaded 1"), std::string::npos);
  EXPECT_NE(res->body.find("ccspm_policy_load_errors 0"), std::string::npos);
  EXPECT_NE(res->body.find("ccspm_admission_duration_seconds_bucket"), std::string::npos);
}

}  // namespace
}  // namespace ccspm::webhook
