// The HTTPS endpoints the API server and the kubelet call:
//   POST /validate, POST /mutate   admission (handler.h)
//   GET /healthz                   200 while serving
//   GET /readyz                    200 once policies are synced, 503 before
#pragma once

#include <functional>
#include <memory>

#include "base/status.h"
#include "webhook/handler.h"
#include "serving/http_listener.h"
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
  // Builds the TLS server on `cert`; kInvalid when TLS cannot be set up. Bodies over
  // options.max_body_bytes are refused with 413 before they are read in full.
  static Result<std::unique_ptr<WebhookServer>> Create(const WebhookOptions& options,
                                                       ServingCert& cert,
                                                       AdmissionEndpoints endpoints);

  // Binds options.address:options.port (0 picks a free port) and serves on a new thread.
  Status Start();

  // Stops accepting, finishes requests in flight, and joins. Idempotent.
  void Stop() { listener_->Stop(); }

  int port() const { return listener_->port(); }

 private:
  WebhookServer(const WebhookOptions& options, std::unique_ptr<serving::HttpListener> listener)
      : address_(options.address), port_(options.port), listener_(std::move(listener)) {}

  std::string address_;
  int port_;
  std::unique_ptr<serving::HttpListener> listener_;
};

}  // namespace ccspm::webhook
