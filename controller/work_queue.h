// A deduplicating work queue of object keys with per-key retry backoff.
//
// A key added while queued is stored once; a key added while a worker holds it is queued again
// when the worker is done, so no change is lost and no key is worked on by two threads at once.
// Thread-safe: every member is guarded by mutex_.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace ccspm::controller {

class WorkQueue {
 public:
  using Clock = std::chrono::steady_clock;

  // Adds `key` now.
  void Add(const std::string& key);

  // Adds `key` once `delay` has passed (a retry).
  void AddAfter(const std::string& key, Clock::duration delay);

  // Blocks until a key is ready or the queue shuts down (then returns nothing). The caller
  // must call Done(key) when finished with it.
  std::optional<std::string> Get();

  void Done(const std::string& key);

  // Wakes every Get(); keys still queued are dropped.
  void ShutDown();

  size_t Length() const;

 private:
  void PromoteDueLocked(Clock::time_point now);

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> queue_;                        // Guarded by mutex_.
  std::set<std::string> queued_;                         // Guarded by mutex_.
  std::set<std::string> processing_;                     // Guarded by mutex_.
  std::set<std::string> dirty_;                          // Added while processing; mutex_.
  std::multimap<Clock::time_point, std::string> later_;  // Guarded by mutex_.
  bool shut_down_ = false;                               // Guarded by mutex_.
};

// Exponential backoff per key: base * 2^failures, capped. The one place retries are decided.
class RetryBackoff {
 public:
  RetryBackoff(std::chrono::milliseconds base, std::chrono::milliseconds cap)
      : base_(base), cap_(cap) {}

  // Records a failure of `key` and returns how long to wait before the next attempt.
  std::chrono::milliseconds NextDelay(const std::string& key);

  // Number of consecutive failures recorded for `key`.
  int Failures(const std::string& key) const;

  void Forget(const std::string& key);

 private:
  std::chrono::milliseconds base_;
  std::chrono::milliseconds cap_;
  mutable std::mutex mutex_;
  std::map<std::string, int> failures_;  // Guarded by mutex_.
};

}  // namespace ccspm::controller
