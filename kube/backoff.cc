#include "kube/backoff.h"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>

namespace ccspm::kube {

Backoff::Backoff(BackoffPolicy policy, std::function<double()> uniform)
    : policy_(policy), uniform_(std::move(uniform)) {
  if (!uniform_) {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    uniform_ = [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
  }
}

std::chrono::milliseconds Backoff::Next() {
  double delay = static_cast<double>(policy_.initial.count());
  double cap = static_cast<double>(policy_.max.count());
  for (int i = 0; i < failures_ && delay < cap; ++i) delay *= policy_.multiplier;
  delay = std::min(delay, cap);
  ++failures_;

  double jittered = delay * (1.0 - policy_.jitter * std::clamp(uniform_(), 0.0, 1.0));
  return std::chrono::milliseconds(static_cast<int64_t>(jittered));
}

bool InterruptibleSleep(std::chrono::milliseconds delay, std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wakeup;
  std::unique_lock<std::mutex> lock(mutex);
  wakeup.wait_for(lock, stop, delay, [] { return false; });
  return !stop.stop_requested();
}

}  // namespace ccspm::kube
