// GET /metrics over plain HTTP, in the Prometheus text format, for the cluster's scraper.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "webhook/http_listener.h"
#include "webhook/metrics.h"

namespace ccspm::webhook {

// Serves `metrics` on `address`:`port` (0 picks a free port) until the listener is stopped or
// destroyed. `metrics` is borrowed and must outlive the listener.
Result<std::unique_ptr<HttpListener>> StartMetricsServer(const std::string& address, int port,
                                                         const Metrics& metrics);

}  // namespace ccspm::webhook
