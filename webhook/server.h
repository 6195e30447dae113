// The HTTPS endpoints the API server and the kubelet call:
//   POST /validate, POST /mutate   admission (handler.h)
//   GET /healthz                   200 while serving
//   GET /readyz                    200 once policies are synced, 503 before
//
// Every refusal is a metav1.Status in JSON. Before any body is read, a request is refused when
// its body is compressed (415), chunked or unsized (411), or over options.max_body_bytes (413),
// and for an unknown path (404) or a wrong method (405); the connection then closes.
//
// Limitation: at most options.max_concurrent_requests connections are served at once, each for
// up to options.request_deadline_seconds, because httplib 0.11.4 gives every connection its own
// worker thread; a client opening more slow connections than that still delays everyone else
// by up to the deadline. Only the API server should reach the webhook (docs/operations.md).
#pragma once

#include <functional>
#include <memory>

#include "base/status.h"
#include "serving/http_listener.h"
#include "webhook/connection_guard.h"
#include "webhook/handler.h"
#include "webhook/options.h"
#include "webhook/serving_cert.h"

namespace ccspm::webhook {

struct AdmissionEndpoints {
  const AdmissionHandler* validate = nullptr;
  const AdmissionHandler* mutate = nullptr;
  std::function<bool()> ready;  // Readiness; called per /readyz request.
};

// The webhook's HTTPS server. Handlers and `cert` are borrowed and must outlive it.
class WebhookServer {
 public:
  // Builds the TLS server on `cert`; kInvalid when TLS cannot be set up.
  static Result<std::unique_ptr<WebhookServer>> Create(const WebhookOptions& options,
                                                       ServingCert& cert,
                                                       AdmissionEndpoints endpoints);

  // Binds options.address:options.port (0 picks a free port) and serves on a new thread.
  Status Start();

  // Stops accepting, finishes requests in flight, and joins. Idempotent.
  void Stop() { listener_->Stop(); }

  int port() const { return listener_->port(); }

 private:
  WebhookServer(const WebhookOptions& options, std::unique_ptr<ConnectionGuard> guard,
                std::unique_ptr<serving::HttpListener> listener)
      : address_(options.address),
        port_(options.port),
        guard_(std::move(guard)),
        listener_(std::move(listener)) {}

  std::string address_;
  int port_;
  std::unique_ptr<ConnectionGuard> guard_;  // Outlives the listener's connections.
  std::unique_ptr<serving::HttpListener> listener_;
};

}  // namespace ccspm::webhook
