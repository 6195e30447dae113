// The HTTP seam between the Kubernetes client and the network, so tests can replace it.
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace ccspm::kube {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // Absolute path on the API server, query included: "/api/v1?x=y".
  std::string body;
  std::string content_type;         // Sent only when the body is not empty.
  HttpHeaders headers;              // Extra headers; authentication is the transport's job.
  std::chrono::seconds timeout{0};  // Longest wait for a read; zero means the transport default.
};

struct HttpResponse {
  int status = 0;
  std::string body;
  HttpHeaders headers;

  // First header named `name` (case-insensitive), or "" when absent.
  std::string_view Header(std::string_view name) const;
};

// Called for each complete line of a streamed body, without its line ending. Returning false
// ends the stream early; that is a normal end, not an error.
using LineHandler = std::function<bool(std::string_view line)>;

// Implementations must be safe to call from several threads at once.
class Transport {
 public:
  virtual ~Transport() = default;

  // Sends one request and returns the whole response, whatever its HTTP status. An error Status
  // means no response arrived: connection refused, TLS failure, timeout (all kUnavailable).
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;

  // Sends one request whose 200 response is newline-delimited (a watch) and calls `on_line` per
  // line as it arrives, joining lines split across reads. Returns OK when the server ends the
  // stream, when `on_line` returns false, or when `stop` is requested; stopping interrupts a
  // blocked read promptly. A non-200 response becomes the mapped API error (see api_error.h).
  virtual Status Stream(const HttpRequest& request, const LineHandler& on_line,
                        std::stop_token stop) = 0;
};

}  // namespace ccspm::kube
