// The bearer token a transport sends, re-read from its file when one is configured.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace ccspm::kube {

// Thread-safe. Kubernetes rotates projected service account tokens in place, so a long-running
// process must re-read the file; a failed re-read keeps the last good token.
class BearerToken {
 public:
  BearerToken(std::string token, std::string file,
              std::chrono::seconds refresh_interval = std::chrono::seconds(60));

  // The token to send now; "" means send no Authorization header.
  std::string Current();

 private:
  const std::string file_;
  const std::chrono::seconds refresh_interval_;

  std::mutex mutex_;
  std::string token_;                              // Guarded by mutex_.
  std::chrono::steady_clock::time_point read_at_;  // Guarded by mutex_.
};

}  // namespace ccspm::kube
