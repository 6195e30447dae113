// Capped, jittered exponential backoff for reconnecting to the API server.
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>

namespace ccspm::kube {

struct BackoffPolicy {
  std::chrono::milliseconds initial{200};
  std::chrono::milliseconds max{30000};
  double multiplier = 2.0;
  double jitter = 0.2;  // Each delay is shortened by up to this fraction, at random.
};

// Not thread-safe: one per retry loop.
class Backoff {
 public:
  // `uniform` returns values in [0, 1); null means a seeded pseudo-random source. Tests inject
  // a constant to get exact delays.
  explicit Backoff(BackoffPolicy policy, std::function<double()> uniform = nullptr);

  // The delay before the next attempt: initial * multiplier^failures, capped at max, jittered
  // so many clients that failed together do not retry together.
  std::chrono::milliseconds Next();

  // Called after a success: the next failure starts from the initial delay again.
  void Reset() { failures_ = 0; }

  int failures() const { return failures_; }

 private:
  BackoffPolicy policy_;
  std::function<double()> uniform_;
  int failures_ = 0;
};

// Waits `delay`, or less when `stop` is requested; false when it was.
bool InterruptibleSleep(std::chrono::milliseconds delay, std::stop_token stop);

}  // namespace ccspm::kube
