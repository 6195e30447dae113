// The real Transport: HTTPS to the API server with the cluster's CA, client certificate and
// bearer token.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kube/bearer_token.h"
#include "kube/config.h"
#include "kube/server_url.h"
#include "kube/tls.h"
#include "kube/transport.h"

namespace httplib {
class SSLClient;
}

namespace ccspm::kube {

struct HttpsOptions {
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds read_timeout{30};  // For Send, and for Stream unless the request says.
  std::string user_agent = "ccspm";
  size_t max_idle_connections = 4;        // Kept open for reuse by Send (keep-alive).
  size_t max_response_bytes = 256 << 20;  // A larger Send response is kTooLarge.
  size_t max_line_bytes = 64 << 20;       // A longer watch line ends the stream as kTooLarge.
};

// Thread-safe. Send reuses idle keep-alive connections from a small pool, one request per
// connection at a time; each Stream opens its own connection and closes it at the end, so a
// watch never blocks other requests. A pooled connection the server has closed meanwhile fails
// before anything is answered; Send then sends the request once more on a new connection.
//
// Server certificates must chain to ClusterConfig::ca_pem (only to it: the system's public CAs
// are not trusted then) and name the host, by DNS or IP SAN. Without ca_pem the system store is
// used.
//
// Limitation: Send buffers each whole response (up to max_response_bytes) because callers need
// a parsed document anyway; List pages keep that bounded.
//
// Create() sets SIGPIPE to ignored when it still has its default action: OpenSSL writes to
// sockets with write(2), and a peer closing a connection must not kill the process.
class HttpsTransport : public Transport {
 public:
  static Result<std::unique_ptr<HttpsTransport>> Create(const ClusterConfig& config,
                                                        HttpsOptions options = {});
  ~HttpsTransport() override;

  Result<HttpResponse> Send(const HttpRequest& request) override;
  Status Stream(const HttpRequest& request, const LineHandler& on_line,
                std::stop_token stop) override;

 private:
  HttpsTransport(ServerUrl url, HttpsOptions options, ClusterConfig config);

  // A configured connection object; connects lazily on first use.
  std::unique_ptr<httplib::SSLClient> NewClient() const;

  // An idle pooled client (`*reused` set), or a new one.
  std::unique_ptr<httplib::SSLClient> Acquire(bool* reused);
  void Release(std::unique_ptr<httplib::SSLClient> client);

  // One attempt on `client`. On failure `*stale` says whether the connection was a `reused` one
  // that failed before any answer and before the read timeout, as one the server closed while
  // it idled does; such a request may be sent again on a new connection.
  Result<HttpResponse> SendOn(httplib::SSLClient& client, const HttpRequest& request, bool reused,
                              bool* stale);

  const ServerUrl url_;
  const HttpsOptions options_;
  std::shared_ptr<const TrustAnchors> anchors_;  // Null: system trust store.
  X509Ptr client_cert_;                          // Null: no client certificate.
  std::vector<X509Ptr> client_chain_;            // Intermediates sent after client_cert_.
  EvpPkeyPtr client_key_;
  BearerToken token_;

  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<httplib::SSLClient>> idle_;  // Guarded by pool_mutex_.
};

}  // namespace ccspm::kube
