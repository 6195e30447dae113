#include "webhook/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>
#include <vector>

#include "base/log.h"
#include "serving/observability.h"
#include "webhook/policy_cache.h"
#include "webhook/test_certs.h"
#include "webhook/test_fixtures.h"

namespace ccspm::webhook {
namespace {

namespace fs = std::filesystem;

using Clock = std::chrono::steady_clock;

// A client that writes exactly the bytes it is given, over TLS (without verifying the server)
// or plain TCP, to send what httplib's client would not: partial requests, slow requests.
// Every read and write gives up after 5 seconds.
class RawClient {
 public:
  RawClient(int port, bool tls) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (!tls || !connected_) return;
    ctx_ = SSL_CTX_new(TLS_client_method());
    ssl_ = SSL_new(ctx_);
    SSL_set_fd(ssl_, fd_);
    connected_ = SSL_connect(ssl_) == 1;
  }

  ~RawClient() {
    if (ssl_ != nullptr) SSL_free(ssl_);
    if (ctx_ != nullptr) SSL_CTX_free(ctx_);
    close(fd_);
  }

  bool connected() const { return connected_; }

  bool Write(std::string_view data) {
    while (!data.empty()) {
      int n = SSL_write(ssl_, data.data(), static_cast<int>(std::min<size_t>(data.size(), 16384)));
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // True when the server has sent something (or closed) and a read would not block.
  bool Readable() {
    pollfd p{fd_, POLLIN, 0};
    return SSL_pending(ssl_) > 0 || poll(&p, 1, 0) > 0;
  }

  // Everything until the server closes the connection or a read times out.
  std::string ReadAll() {
    std::string out;
    char buffer[4096];
    int n = 0;
    while ((n = SSL_read(ssl_, buffer, sizeof buffer)) > 0) out.append(buffer, n);
    closed_ = SSL_get_error(ssl_, n) == SSL_ERROR_ZERO_RETURN || errno != EAGAIN;
    return out;
  }

  // After ReadAll: whether it ended because the server closed rather than by timing out.
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
};

// `mib` MiB of zeros, gzipped by the zlib that httplib inflates with (through httplib's own
// compressor, as the test links no zlib of its own): about 1 KB per MiB.
std::string GzipOfZeros(size_t mib) {
  httplib::detail::gzip_compressor compressor;
  std::string zeros(1 << 20, '\0');
  std::string out;
  for (size_t i = 0; i < mib; ++i) {
    compressor.compress(zeros.data(), zeros.size(), i + 1 == mib, [&](const char* data, size_t n) {
      out.append(data, n);
      return true;
    });
  }
  return out;
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

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
    StartServer();
  }

  // (Re)starts the server with options_.
  void StartServer() {
    if (server_ != nullptr) server_->Stop();
    server_.reset();
    Result<std::unique_ptr<WebhookServer>> server = WebhookServer::Create(
        options_, *cert_, {validate_.get(), mutate_.get(), [this] { return cache_.synced(); }});
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    ASSERT_TRUE(server_->Start().ok());
  }

  // Seconds /healthz takes to answer 200 on a new connection; 99 when it does not.
  double HealthzSeconds() {
    auto start = Clock::now();
    httplib::Result res = Client()->Get("/healthz");
    if (!res || res->status != 200) return 99;
    return std::chrono::duration<double>(Clock::now() - start).count();
  }

  // Parses a raw HTTP answer: its status code, and its body as a metav1.Status.
  static int StatusCode(const std::string& answer) {
    return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(answer.c_str() + 9) : 0;
  }
  static std::string Body(const std::string& answer) {
    size_t end = answer.find("\r\n\r\n");
    return end == std::string::npos ? "" : answer.substr(end + 4);
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

TEST_F(ServerTest, RefusesA4MiBBodyWith413BeforeReadingIt) {
  RawClient client(server_->port(), true);
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(
      client.Write("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 4194304\r\n\r\n"));
  // A first piece of the body at most: the answer must not wait for the rest.
  for (int i = 0; i < 4 && !client.Readable(); ++i) {
    if (!client.Write(std::string(16384, ' '))) break;
  }
  std::string answer = client.ReadAll();
  EXPECT_TRUE(client.closed());
  EXPECT_EQ(StatusCode(answer), 413) << answer;
  EXPECT_NE(Body(answer).find("over the limit of 3145728 bytes"), std::string::npos) << answer;

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

TEST_F(ServerTest, RefusesACompressedBodyWithoutInflatingIt) {
  // 200 MiB of zeros in about 200 KB: inflating it would take hundreds of MB.
  std::string bomb = GzipOfZeros(200);
  ASSERT_LT(bomb.size(), options_.max_body_bytes);
  long rss_before = PeakRssKiB();

  RawClient client(server_->port(), true);
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(
      client.Write("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Encoding: gzip\r\nContent-Length: " +
                   std::to_string(bomb.size()) + "\r\n\r\n"));
  // The whole bomb, unless the server answers first (then the rest would never be read).
  for (size_t sent = 0; sent < bomb.size() && !client.Readable(); sent += 16384) {
    if (!client.Write(std::string_view(bomb).substr(sent, 16384))) break;
  }
  std::string answer = client.ReadAll();

  EXPECT_EQ(StatusCode(answer), 415) << answer;
  Result<JsonDocument> status = ParseJson(Body(answer));
  ASSERT_TRUE(status.ok()) << answer;
  EXPECT_STREQ((*status)["kind"].GetString(), "Status");
  EXPECT_STREQ((*status)["reason"].GetString(), "UnsupportedMediaType");
  EXPECT_EQ((*status)["code"].GetInt(), 415);
  EXPECT_LT(PeakRssKiB() - rss_before, 50 * 1024);
  EXPECT_NE(metrics_.Serialize().find(
                R"(ccspm_admission_requests_total{decision="invalid",webhook="validate"} 1)"),
            std::string::npos);
}

TEST_F(ServerTest, RefusesChunkedAndUnsizedBodies) {
  for (const std::string& head : {std::string("Transfer-Encoding: chunked\r\n"), std::string("")}) {
    RawClient client(server_->port(), true);
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(client.Write("POST /mutate HTTP/1.1\r\nHost: x\r\n" + head +
                             "Content-Type: application/json\r\n\r\n"));
    std::string answer = client.ReadAll();
    EXPECT_EQ(StatusCode(answer), 411) << answer;
    EXPECT_NE(Body(answer).find(R"("kind":"Status")"), std::string::npos) << answer;
  }
}

TEST_F(ServerTest, EveryErrorIsAStatusObject) {
  auto client = Client();
  struct Case {
    httplib::Result res;
    int status;
    const char* reason;
  };
  std::vector<Case> cases;
  cases.push_back({client->Get("/nowhere"), 404, "NotFound"});
  cases.push_back({client->Get("/validate"), 405, "MethodNotAllowed"});
  cases.push_back({client->Put("/mutate", "{}", "application/json"), 405, "MethodNotAllowed"});
  cases.push_back({client->Post("/healthz", "{}", "application/json"), 405, "MethodNotAllowed"});
  httplib::Headers huge = {{"X-Huge", std::string(100 * 1024, 'a')}};
  cases.push_back({client->Get("/healthz", huge), 400, "BadRequest"});
  for (const Case& c : cases) {
    ASSERT_TRUE(c.res) << httplib::to_string(c.res.error());
    EXPECT_EQ(c.res->status, c.status) << c.res->body;
    EXPECT_EQ(c.res->get_header_value("Content-Type"), "application/json");
    Result<JsonDocument> status = ParseJson(c.res->body);
    ASSERT_TRUE(status.ok()) << c.res->body;
    EXPECT_STREQ((*status)["kind"].GetString(), "Status");
    EXPECT_STREQ((*status)["reason"].GetString(), c.reason);
    EXPECT_EQ((*status)["code"].GetInt(), c.status);
  }
}

TEST_F(ServerTest, AnInvalidUtf8UidIsNotEchoedRaw) {
  testing::ReviewSpec spec;
  spec.uid = "uid-\xff\xfe-1";
  httplib::Result res = Client()->Post("/validate", testing::Review(spec), "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  // A body that is not UTF-8 fails the parser's validation, so parse with it.
  rapidjson::Document review;
  review.Parse<rapidjson::kParseValidateEncodingFlag>(res->body.c_str(), res->body.size());
  ASSERT_FALSE(review.HasParseError()) << res->body;
  EXPECT_STREQ(review["response"]["uid"].GetString(), "uid-\xEF\xBF\xBD\xEF\xBF\xBD-1");
}

// Sends a request one header line per `interval`, never finishing it, until `until`.
void Trickle(RawClient& client, std::chrono::milliseconds interval, Clock::time_point until) {
  if (!client.Write("POST /validate HTTP/1.1\r\n")) return;
  for (int line = 0; line < 100 && Clock::now() < until; ++line) {
    std::this_thread::sleep_for(interval);
    if (!client.Write("X-Slow-" + std::to_string(line) + ": 1\r\n")) return;
  }
}

TEST_F(ServerTest, SlowClientsDoNotStarveOthers) {
  // Ten idle TCP connections that never start TLS, ten TLS ones that trickle their headers.
  std::vector<std::unique_ptr<RawClient>> idle, slow;
  for (int i = 0; i < 10; ++i) idle.push_back(std::make_unique<RawClient>(server_->port(), false));
  for (int i = 0; i < 10; ++i) {
    slow.push_back(std::make_unique<RawClient>(server_->port(), true));
    ASSERT_TRUE(slow.back()->connected());
  }
  auto until = Clock::now() + std::chrono::seconds(4);
  std::vector<std::thread> tricklers;
  for (auto& client : slow) {
    tricklers.emplace_back(
        [&client, until] { Trickle(*client, std::chrono::milliseconds(500), until); });
  }

  for (int i = 0; i < 3; ++i) {
    EXPECT_LT(HealthzSeconds(), 2.0);
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  for (std::thread& thread : tricklers) thread.join();
}

TEST_F(ServerTest, ConnectionsPastTheDeadlineAreCut) {
  options_.max_concurrent_requests = 2;
  options_.request_deadline_seconds = 1;
  StartServer();

  // Two trickling clients take both workers, until the deadline cuts them.
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 2; ++i) {
    slow.push_back(std::make_unique<RawClient>(server_->port(), true));
    ASSERT_TRUE(slow.back()->connected());
  }
  auto start = Clock::now();
  std::vector<std::thread> tricklers;
  for (auto& client : slow) {
    tricklers.emplace_back([&client, until = start + std::chrono::seconds(10)] {
      Trickle(*client, std::chrono::milliseconds(200), until);
    });
  }
  for (std::thread& thread : tricklers) thread.join();
  double cut_after = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_LT(cut_after, 4.0);
  EXPECT_LT(HealthzSeconds(), 2.0);
}

}  // namespace
}  // namespace ccspm::webhook
