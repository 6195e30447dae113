#include "serving/observability.h"

#include <httplib.h>

namespace ccspm::serving {

Result<std::unique_ptr<HttpListener>> StartObservabilityServer(const std::string& address, int port,
                                                               ObservabilityHandlers handlers) {
  auto server = std::make_unique<httplib::Server>();
  server->Get("/metrics",
              [metrics = handlers.metrics](const httplib::Request&, httplib::Response& res) {
                res.set_content(metrics(), "text/plain; version=0.0.4; charset=utf-8");
              });
  server->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  server->Get("/readyz", [ready = handlers.ready](const httplib::Request&, httplib::Response& res) {
    bool is_ready = ready();
    res.status = is_ready ? 200 : 503;
    res.set_content(is_ready ? "ok\n" : "not ready\n", "text/plain");
  });

  auto listener = std::make_unique<HttpListener>(std::move(server), "observability");
  CCSPM_RETURN_IF_ERROR(listener->Start(address, port));
  return listener;
}

}  // namespace ccspm::serving
