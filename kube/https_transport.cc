#include "kube/https_transport.h"

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>

#include "base/log.h"
#include "kube/api_error.h"
#include "kube/line_splitter.h"

namespace ccspm::kube {
namespace {

constexpr size_t kMaxErrorBodyBytes = 64 << 10;

void IgnoreSigpipeIfDefault() {
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
    signal(SIGPIPE, SIG_IGN);
  }
}

// What went wrong, in words an operator can act on, followed by httplib's own name for it.
std::string DescribeError(httplib::Error error, bool timed_out) {
  std::string what;
  switch (error) {
    case httplib::Error::Connection:
      what = "cannot connect to the API server";
      break;
    case httplib::Error::ConnectionTimeout:
      what = "connecting to the API server timed out";
      break;
    case httplib::Error::Write:
      what = "connection to the API server was lost while writing";
      break;
    case httplib::Error::Read:
      what = timed_out ? "no response from the API server before the read timeout"
                       : "connection to the API server was lost while reading";
      break;
    case httplib::Error::SSLConnection:
      what = "TLS handshake with the API server failed";
      break;
    case httplib::Error::SSLServerVerification:
      what = "the API server's certificate is not trusted";
      break;
    case httplib::Error::Canceled:
      what = "the request was canceled";
      break;
    default:
      what = "transport error";
      break;
  }
  return what + " (" + httplib::to_string(error) + ")";
}

Status TransportError(httplib::Error error, const std::string& path, bool timed_out = false) {
  return UnavailableError("request to " + path + " failed: " + DescribeError(error, timed_out));
}

// True for the failures a connection the server closed while it sat idle in the pool produces:
// the request never reached a live server, so sending it again on a new connection is safe.
bool IsStaleConnectionError(httplib::Error error) {
  return error == httplib::Error::Write || error == httplib::Error::Read ||
         error == httplib::Error::Connection || error == httplib::Error::SSLConnection;
}

httplib::Request ToHttplib(const HttpRequest& request, const std::string& path_prefix,
                           const std::string& user_agent, const std::string& token) {
  httplib::Request out;
  out.method = request.method;
  out.path = path_prefix + request.path;
  out.body = request.body;
  out.headers.emplace("User-Agent", user_agent);
  out.headers.emplace("Accept", "application/json");
  if (!token.empty()) out.headers.emplace("Authorization", "Bearer " + token);
  if (!request.body.empty()) out.headers.emplace("Content-Type", request.content_type);
  for (const auto& [key, value] : request.headers) out.headers.emplace(key, value);
  return out;
}

void LogFailure(const HttpRequest& request, const Status& status) {
  log::Debug("api request failed", {{log::key::kOperation, request.method},
                                    {log::key::kUrl, request.path},
                                    {log::key::kError, status.message()}});
}

}  // namespace

Result<std::unique_ptr<HttpsTransport>> HttpsTransport::Create(const ClusterConfig& config,
                                                               HttpsOptions options) {
  Result<ServerUrl> url = ParseServerUrl(config.server);
  if (!url.ok()) return url.status();
  std::unique_ptr<HttpsTransport> transport(new HttpsTransport(*url, std::move(options), config));

  if (!config.ca_pem.empty()) {
    Result<std::shared_ptr<const TrustAnchors>> anchors = TrustAnchors::FromPem(config.ca_pem);
    if (!anchors.ok()) return anchors.status().Prefixed("cluster CA");
    transport->anchors_ = std::move(anchors).value();
  }

  if (config.client_cert_pem.empty() != config.client_key_pem.empty()) {
    return InvalidError("a client certificate needs a client key, and a key a certificate");
  }
  if (!config.client_cert_pem.empty()) {
    Result<std::vector<X509Ptr>> chain = ParseCertificates(config.client_cert_pem);
    if (!chain.ok()) return chain.status().Prefixed("client certificate");
    Result<EvpPkeyPtr> key = ParsePrivateKey(config.client_key_pem);
    if (!key.ok()) return key.status().Prefixed("client key");
    if (X509_check_private_key(chain->front().get(), key->get()) != 1) {
      ERR_clear_error();
      return InvalidError("the client key does not match the client certificate");
    }
    transport->client_cert_ = std::move(chain->front());
    for (size_t i = 1; i < chain->size(); ++i) {
      transport->client_chain_.push_back(std::move((*chain)[i]));
    }
    transport->client_key_ = std::move(key).value();
  }

  IgnoreSigpipeIfDefault();
  return transport;
}

HttpsTransport::HttpsTransport(ServerUrl url, HttpsOptions options, ClusterConfig config)
    : url_(std::move(url)),
      options_(std::move(options)),
      token_(std::move(config.bearer_token), std::move(config.bearer_token_file)) {}

HttpsTransport::~HttpsTransport() = default;

std::unique_ptr<httplib::SSLClient> HttpsTransport::NewClient() const {
  auto client = std::make_unique<httplib::SSLClient>(url_.host, url_.port, client_cert_.get(),
                                                     client_key_.get());
  SSL_CTX* ctx = client->ssl_context();
  if (ctx != nullptr) {
    if (anchors_) anchors_->InstallOn(ctx);
    for (const X509Ptr& cert : client_chain_) SSL_CTX_add1_chain_cert(ctx, cert.get());
  }
  client->enable_server_certificate_verification(true);
  client->set_connection_timeout(options_.connect_timeout);
  client->set_read_timeout(options_.read_timeout);
  client->set_write_timeout(options_.read_timeout);
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);
  client->set_follow_location(false);
  client->set_url_encode(false);  // Paths arrive percent-encoded by the client.
  return client;
}

std::unique_ptr<httplib::SSLClient> HttpsTransport::Acquire(bool* reused) {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<httplib::SSLClient> client = std::move(idle_.back());
      idle_.pop_back();
      *reused = true;
      return client;
    }
  }
  *reused = false;
  return NewClient();
}

void HttpsTransport::Release(std::unique_ptr<httplib::SSLClient> client) {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  if (idle_.size() < options_.max_idle_connections) idle_.push_back(std::move(client));
}

Result<HttpResponse> HttpsTransport::Send(const HttpRequest& request) {
  bool reused = false;
  std::unique_ptr<httplib::SSLClient> client = Acquire(&reused);
  bool stale = false;
  Result<HttpResponse> response = SendOn(*client, request, reused, &stale);
  if (response.ok()) {
    Release(std::move(client));
    return response;
  }
  if (!stale) return response;

  // The pooled connection had been closed by the server (it idled past the server's keep-alive
  // timeout) and nothing was answered on it: once more on a fresh connection.
  client = NewClient();
  response = SendOn(*client, request, false, &stale);
  if (response.ok()) Release(std::move(client));
  return response;
}

Result<HttpResponse> HttpsTransport::SendOn(httplib::SSLClient& client, const HttpRequest& request,
                                            bool reused, bool* stale) {
  *stale = false;
  if (!client.is_valid()) return InternalError("cannot set up a TLS context");
  std::chrono::seconds timeout =
      request.timeout.count() > 0 ? request.timeout : options_.read_timeout;
  client.set_read_timeout(timeout);

  httplib::Request out =
      ToHttplib(request, url_.path_prefix, options_.user_agent, token_.Current());
  std::string body;
  bool too_large = false;
  bool answered = false;
  out.response_handler = [&](const httplib::Response&) {
    answered = true;
    return true;
  };
  out.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    too_large = body.size() + size > options_.max_response_bytes;
    if (!too_large) body.append(data, size);
    return !too_large;
  };

  auto start = std::chrono::steady_clock::now();
  httplib::Result result = client.send(out);
  bool timed_out = std::chrono::steady_clock::now() - start >= timeout;
  if (too_large) {
    return Status(ErrorKind::kTooLarge, "response to " + request.path + " is over " +
                                            std::to_string(options_.max_response_bytes) + " bytes");
  }
  if (!result) {
    // The connection is in an unknown state, so it is not pooled again.
    *stale = reused && !answered && !timed_out && IsStaleConnectionError(result.error());
    Status status = TransportError(result.error(), request.path, timed_out);
    LogFailure(request, status);
    return status;
  }

  HttpResponse response;
  response.status = result->status;
  response.body = std::move(body);
  for (const auto& [key, value] : result->headers) response.headers.emplace_back(key, value);
  return response;
}

Status HttpsTransport::Stream(const HttpRequest& request, const LineHandler& on_line,
                              std::stop_token stop) {
  if (stop.stop_requested()) return Status::Ok();
  std::unique_ptr<httplib::SSLClient> client = NewClient();
  if (!client->is_valid()) return InternalError("cannot set up a TLS context");
  client->set_read_timeout(request.timeout.count() > 0 ? request.timeout : options_.read_timeout);
  client->set_keep_alive(false);

  // Stopping must interrupt a read that may block for minutes. httplib's stop() shuts the
  // socket down once the request is in flight; a stop that lands before the socket exists is
  // caught when the socket is created, so no window is left where the stop is lost.
  std::atomic<bool> stopping = false;
  client->set_socket_options([&stopping](socket_t sock) {
    if (stopping) ::shutdown(sock, SHUT_RDWR);
  });
  std::stop_callback on_stop(stop, [&] {
    stopping = true;
    client->stop();
  });

  httplib::Request out =
      ToHttplib(request, url_.path_prefix, options_.user_agent, token_.Current());
  int http_status = 0;
  std::string error_body;
  LineSplitter splitter(options_.max_line_bytes);
  bool handler_stopped = false;
  out.response_handler = [&](const httplib::Response& response) {
    http_status = response.status;
    return true;
  };
  out.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    if (stopping) return false;
    if (http_status != 200) {
      error_body.append(data, std::min(size, kMaxErrorBodyBytes - error_body.size()));
      return error_body.size() < kMaxErrorBodyBytes;
    }
    if (splitter.Feed(std::string_view(data, size), on_line)) return true;
    handler_stopped = !splitter.overflowed();
    return false;
  };

  httplib::Result result = client->send(out);
  if (stopping || handler_stopped) return Status::Ok();
  if (splitter.overflowed()) {
    return Status(ErrorKind::kTooLarge, "a line of " + request.path + " is over " +
                                            std::to_string(options_.max_line_bytes) + " bytes");
  }
  if (http_status != 0 && http_status != 200) return StatusFromHttp(http_status, error_body);
  if (!result) {
    Status status = TransportError(result.error(), request.path);
    LogFailure(request, status);
    return status;
  }
  splitter.Finish(on_line);
  return Status::Ok();
}

}  // namespace ccspm::kube
