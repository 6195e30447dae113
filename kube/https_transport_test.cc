// HttpsTransport against an httplib::SSLServer started here on 127.0.0.1, with certificates
// made for the test.
#include "kube/https_transport.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "kube/client.h"
#include "kube/object_meta.h"
#include "kube/testing/test_pki.h"

namespace ccspm::kube {
namespace {

using std::chrono::milliseconds;
using testing::MakeCert;
using testing::TestCert;

class TestServer {
 public:
  // Requires client certificates signed by `client_ca` when it is not null.
  TestServer(const TestCert& cert, const TestCert* client_ca = nullptr)
      : server_(cert.cert.get(), cert.key.get(), ClientStore(client_ca)) {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  ~TestServer() {
    // stop() is a no-op until the accept loop runs, so wait for it first.
    while (!server_.is_running()) std::this_thread::sleep_for(milliseconds(1));
    server_.stop();
    thread_.join();
  }

  httplib::SSLServer& http() { return server_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

 private:
  static X509_STORE* ClientStore(const TestCert* ca) {
    if (ca == nullptr) return nullptr;
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, ca->cert.get());
    return store;  // The server takes ownership.
  }

  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

class HttpsTransportTest : public ::testing::Test {
 protected:
  std::shared_ptr<HttpsTransport> Transport(const std::string& url,
                                            const TestCert* client = nullptr,
                                            const std::string& ca_pem = "") {
    ClusterConfig config{
        .server = url, .ca_pem = ca_pem.empty() ? ca_.cert_pem : ca_pem, .bearer_token = "t0ken"};
    if (client != nullptr) {
      config.client_cert_pem = client->cert_pem;
      config.client_key_pem = client->key_pem;
    }
    Result<std::unique_ptr<HttpsTransport>> transport = HttpsTransport::Create(
        config,
        {.connect_timeout = std::chrono::seconds(5), .read_timeout = std::chrono::seconds(5)});
    EXPECT_TRUE(transport.ok()) << transport.status().ToString();
    return transport.ok() ? std::shared_ptr<HttpsTransport>(std::move(transport).value()) : nullptr;
  }

  TestCert ca_ = MakeCert("test-ca", nullptr, "");
  TestCert server_cert_ = MakeCert("apiserver", &ca_, "IP:127.0.0.1,DNS:localhost");
};

TEST_F(HttpsTransportTest, VerifiesTheServerAndSendsTheToken) {
  TestServer server(server_cert_);
  std::string authorization;
  std::string content_type;
  std::string body;
  server.http().Patch("/api/v1/namespaces/prod/configmaps/web",
                      [&](const httplib::Request& request, httplib::Response& response) {
                        authorization = request.get_header_value("Authorization");
                        content_type = request.get_header_value("Content-Type");
                        body = request.body;
                        response.set_content(R"({"metadata":{"name":"web"}})", "application/json");
                      });

  Result<HttpResponse> response = Transport(server.url())
                                      ->Send({.method = "PATCH",
                                              .path = "/api/v1/namespaces/prod/configmaps/web",
                                              .body = R"({"data":{}})",
                                              .content_type = "application/merge-patch+json"});
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"metadata":{"name":"web"}})");
  EXPECT_EQ(response->Header("content-type"), "application/json");
  EXPECT_EQ(authorization, "Bearer t0ken");
  EXPECT_EQ(content_type, "application/merge-patch+json");
  EXPECT_EQ(body, R"({"data":{}})");
}

TEST_F(HttpsTransportTest, ReusesKeepAliveConnections) {
  TestServer server(server_cert_);
  std::mutex mutex;
  std::vector<int> ports;
  server.http().Get("/api", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard<std::mutex> lock(mutex);
    ports.push_back(request.remote_port);
    response.set_content("{}", "application/json");
  });

  std::shared_ptr<HttpsTransport> transport = Transport(server.url());
  ASSERT_TRUE(transport->Send({.path = "/api"}).ok());
  ASSERT_TRUE(transport->Send({.path = "/api"}).ok());
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_EQ(ports[0], ports[1]);
}

TEST_F(HttpsTransportTest, RetriesOnceWhenThePooledConnectionWasClosedWhileIdle) {
  TestServer server(server_cert_);
  server.http().set_keep_alive_timeout(1);
  std::mutex mutex;
  std::vector<int> ports;
  server.http().Get("/api", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard<std::mutex> lock(mutex);
    ports.push_back(request.remote_port);
    response.set_content("{}", "application/json");
  });

  std::shared_ptr<HttpsTransport> transport = Transport(server.url());
  ASSERT_TRUE(transport->Send({.path = "/api"}).ok());
  // The server closes the pooled connection after a second of idling.
  std::this_thread::sleep_for(milliseconds(1500));
  Result<HttpResponse> second = transport->Send({.path = "/api"});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->status, 200);
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_NE(ports[0], ports[1]);
}

TEST_F(HttpsTransportTest, TransportErrorsSayWhatHappened) {
  TestServer server(server_cert_);
  server.http().Get("/api", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(milliseconds(2500));
    response.set_content("{}", "application/json");
  });
  Result<HttpResponse> response =
      Transport(server.url())->Send({.path = "/api", .timeout = std::chrono::seconds(1)});
  EXPECT_EQ(response.status().kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(response.status().message(),
            "request to /api failed: no response from the API server before the read timeout "
            "(Read)");
}

TEST_F(HttpsTransportTest, PrependsThePathPrefixOfTheServerUrl) {
  TestServer server(server_cert_);
  server.http().Get("/proxy/c1/api", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{}", "application/json");
  });
  Result<HttpResponse> response = Transport(server.url() + "/proxy/c1/")->Send({.path = "/api"});
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 200);
}

TEST_F(HttpsTransportTest, RefusesServersTheCaDidNotSign) {
  TestCert rogue_ca = MakeCert("rogue-ca", nullptr, "");
  TestCert rogue = MakeCert("apiserver", &rogue_ca, "IP:127.0.0.1");
  TestServer server(rogue);
  server.http().Get("/api", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{}", "application/json");
  });
  Result<HttpResponse> response = Transport(server.url())->Send({.path = "/api"});
  EXPECT_EQ(response.status().kind(), ErrorKind::kUnavailable);
}

TEST_F(HttpsTransportTest, RefusesCertificatesForAnotherHost) {
  TestCert elsewhere = MakeCert("apiserver", &ca_, "IP:127.0.0.2,DNS:kube.example");
  TestServer server(elsewhere);
  server.http().Get("/api", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{}", "application/json");
  });
  EXPECT_EQ(Transport(server.url())->Send({.path = "/api"}).status().kind(),
            ErrorKind::kUnavailable);
}

TEST_F(HttpsTransportTest, PresentsTheClientCertificate) {
  TestServer server(server_cert_, &ca_);
  server.http().Get("/api", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("{}", "application/json");
  });
  TestCert client = MakeCert("ccspm", &ca_, "DNS:ccspm", "clientAuth");
  Result<HttpResponse> with_cert = Transport(server.url(), &client)->Send({.path = "/api"});
  ASSERT_TRUE(with_cert.ok()) << with_cert.status().ToString();
  EXPECT_EQ(with_cert->status, 200);
  EXPECT_FALSE(Transport(server.url())->Send({.path = "/api"}).ok());
}

TEST_F(HttpsTransportTest, ConnectionRefusedIsUnavailable) {
  std::string url;
  {
    TestServer closed(server_cert_);
    url = closed.url();
  }
  Result<HttpResponse> response = Transport(url)->Send({.path = "/api"});
  EXPECT_EQ(response.status().kind(), ErrorKind::kUnavailable);
  EXPECT_TRUE(response.status().retryable());
}

const ResourceType kConfigMaps{"", "v1", "configmaps", "ConfigMap", true};

TEST_F(HttpsTransportTest, ClientRoundTripMapsApiErrors) {
  TestServer server(server_cert_);
  server.http().Get("/api/v1/namespaces/prod/configmaps/web", [](const httplib::Request&,
                                                                 httplib::Response& response) {
    response.set_content(R"({"kind":"ConfigMap","metadata":{"name":"web"}})", "application/json");
  });
  server.http().Get("/api/v1/namespaces/prod/configmaps/gone",
                    [](const httplib::Request&, httplib::Response& response) {
                      response.status = 404;
                      response.set_content(R"({"kind":"Status","code":404,"reason":"NotFound",
                          "message":"configmaps \"gone\" not found"})",
                                           "application/json");
                    });
  Client client(Transport(server.url()));
  Result<JsonDocument> web = client.Get(kConfigMaps, "prod", "web");
  ASSERT_TRUE(web.ok()) << web.status().ToString();
  EXPECT_EQ(ObjectName(*web), "web");
  Result<JsonDocument> gone = client.Get(kConfigMaps, "prod", "gone");
  EXPECT_EQ(gone.status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(gone.status().message(), "configmaps \"gone\" not found");
}

TEST_F(HttpsTransportTest, StreamsAWatchSplitAcrossChunks) {
  TestServer server(server_cert_);
  std::string query;
  server.http().Get("/api/v1/namespaces/prod/configmaps", [&](const httplib::Request& request,
                                                              httplib::Response& response) {
    query = "watch=" + request.get_param_value("watch") +
            " rv=" + request.get_param_value("resourceVersion") +
            " bookmarks=" + request.get_param_value("allowWatchBookmarks");
    response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink& sink) {
      for (std::string chunk :
           {std::string(R"({"type":"ADDED","object":{"metadata":{"name":"a",)"),
            std::string(R"("resourceVersion":"6"}}})"
                        "\n"
                        R"({"type":"MODIFIED","object":{"metadata":{"name":"a"}}})"
                        "\n{\"type\":\"ERR"),
            std::string(R"(OR","object":{"kind":"Status","code":410,"reason":"Expired",)"
                        R"json("message":"too old resource version: 5 (9)"}})json"
                        "\n")}) {
        sink.write(chunk.data(), chunk.size());
        std::this_thread::sleep_for(milliseconds(20));
      }
      sink.done();
      return true;
    });
  });

  Client client(Transport(server.url()));
  std::vector<std::string> seen;
  Status status = client.Watch(kConfigMaps, {.namespace_name = "prod", .resource_version = "5"},
                               [&](WatchEvent event) {
                                 seen.push_back(std::string(WatchEventTypeName(event.type)) + " " +
                                                std::string(ObjectName(event.object)));
                                 return true;
                               },
                               {});
  EXPECT_EQ(status.kind(), ErrorKind::kGone) << status.ToString();
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED a", "MODIFIED a"}));
  EXPECT_EQ(query, "watch=true rv=5 bookmarks=true");
}

TEST_F(HttpsTransportTest, StreamErrorsBeforeTheBodyAreMapped) {
  TestServer server(server_cert_);
  server.http().Get("/api/v1/configmaps", [](const httplib::Request&, httplib::Response& response) {
    response.status = 403;
    response.set_content(R"({"kind":"Status","code":403,"message":"forbidden: no watch"})",
                         "application/json");
  });
  Status status =
      Transport(server.url())
          ->Stream({.path = "/api/v1/configmaps"}, [](std::string_view) { return true; }, {});
  EXPECT_EQ(status.kind(), ErrorKind::kForbidden);
  EXPECT_EQ(status.message(), "forbidden: no watch");
}

TEST_F(HttpsTransportTest, StopInterruptsABlockedStreamPromptly) {
  TestServer server(server_cert_);
  std::atomic<bool> release = false;
  server.http().Get(
      "/api/v1/configmaps", [&](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider(
            "application/json", [&](size_t offset, httplib::DataSink& sink) {
              if (offset == 0) {
                std::string first = R"({"type":"ADDED","object":{"metadata":{"name":"a"}}})"
                                    "\n";
                sink.write(first.data(), first.size());
                return true;
              }
              // Then nothing more: the client blocks in a read until it is stopped.
              while (!release) std::this_thread::sleep_for(milliseconds(5));
              return false;
            });
      });

  std::shared_ptr<HttpsTransport> transport = Transport(server.url());
  std::atomic<int> lines = 0;
  Status result;
  std::jthread watch([&](std::stop_token stop) {
    result = transport->Stream(
        {.path = "/api/v1/configmaps", .timeout = std::chrono::seconds(60)},
        [&](std::string_view) {
          ++lines;
          return true;
        },
        stop);
  });
  while (lines == 0) std::this_thread::sleep_for(milliseconds(1));
  std::this_thread::sleep_for(milliseconds(50));

  auto started = std::chrono::steady_clock::now();
  watch.request_stop();
  watch.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000));
  EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(lines, 1);
  release = true;
}

}  // namespace
}  // namespace ccspm::kube
