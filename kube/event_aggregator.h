// Remembers the Events a process recorded recently, so a repeat of the same Event (same object,
// type, reason and message) raises the count of the existing Event instead of creating another
// one, the way `kubectl describe` shows "x3 over 5m". Pure bookkeeping: Client does the I/O.
//
// Thread-safe. Two threads repeating the same Event at the same instant may both patch from the
// same count, so a count can be one short: counts say "about how often", as in client-go.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kube/event_recorder.h"

namespace ccspm::kube {

// An Event as stored by the API server, and how many times it has been recorded.
struct RecordedEvent {
  std::string namespace_name;
  std::string name;
  int count = 1;
};

struct EventAggregatorOptions {
  // A repeat later than this after the previous one starts a new Event.
  std::chrono::seconds window{600};
  // Events remembered at most; past it the stalest are forgotten first.
  size_t capacity = 4096;
  std::function<std::chrono::steady_clock::time_point()> now = std::chrono::steady_clock::now;
};

class EventAggregator {
 public:
  explicit EventAggregator(EventAggregatorOptions options = {});

  // What makes two Events the same one. `message` as sent (already shortened).
  static std::string Key(const ObjectReference& object, EventType type, std::string_view reason,
                         std::string_view message);

  // The Event recorded under `key` within the window, if any.
  std::optional<RecordedEvent> Find(const std::string& key);

  // Records that `event` now holds the latest occurrence under `key`.
  void Remember(const std::string& key, RecordedEvent event);

 private:
  struct Entry {
    RecordedEvent event;
    std::chrono::steady_clock::time_point last;
  };

  void Trim();  // mutex_ held.

  const EventAggregatorOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // Guarded by mutex_.
};

}  // namespace ccspm::kube
