// The endpoints a cluster's tooling scrapes and probes, over plain HTTP:
//   GET /metrics  Prometheus text format (version 0.0.4)
//   GET /healthz  200 while the process serves
//   GET /readyz   200 once `ready` says so, 503 before
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "serving/http_listener.h"

namespace ccspm::serving {

struct ObservabilityHandlers {
  std::function<std::string()> metrics;  // Must be thread-safe.
  std::function<bool()> ready;           // Must be thread-safe.
};

// Serves on `address`:`port` (0 picks a free port) until the listener is stopped or destroyed.
Result<std::unique_ptr<HttpListener>> StartObservabilityServer(const std::string& address, int port,
                                                               ObservabilityHandlers handlers);

}  // namespace ccspm::serving
