// Limits how often one object is repaired, so the controller does not fight another writer
// (a CI job, another operator) that keeps setting a value back: each side would patch on every
// change of the other, for ever, with an Event each time.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace ccspm::controller {

// Thread-safe.
class RepairBudget {
 public:
  using Clock = std::chrono::steady_clock;

  // At most `repairs` repairs of one object within `window`.
  RepairBudget(int repairs, Clock::duration window,
               std::function<Clock::time_point()> now = Clock::now)
      : repairs_(repairs), window_(window), now_(std::move(now)) {}

  // True when `key` may be repaired now; the repair is then counted.
  bool TryRepair(const std::string& key);

  // How long until `key` may be repaired again, when its repairs are paused; nullopt when not.
  // The caller looks again then: a paused object that stops changing would otherwise keep its
  // drift until its next change.
  std::optional<Clock::duration> RetryAfter(const std::string& key);

  // Forgets `key` (gone, or back in sync).
  void Forget(const std::string& key);

 private:
  const int repairs_;
  const Clock::duration window_;
  const std::function<Clock::time_point()> now_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> recent_;  // Guarded by mutex_.
};

}  // namespace ccspm::controller
