#include "webhook/metrics_server.h"

#include <httplib.h>

namespace ccspm::webhook {

Result<std::unique_ptr<HttpListener>> StartMetricsServer(const std::string& address, int port,
                                                         const Metrics& metrics) {
  auto server = std::make_unique<httplib::Server>();
  server->Get("/metrics", [&metrics](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.Serialize(), "text/plain; version=0.0.4; charset=utf-8");
  });

  auto listener = std::make_unique<HttpListener>(std::move(server), "metrics");
  CCSPM_RETURN_IF_ERROR(listener->Start(address, port));
  return listener;
}

}  // namespace ccspm::webhook
