// A Prometheus counter family whose series can be dropped by the value of one label, so series
// of things that no longer exist (a deleted policy) leave the next scrape instead of lingering
// until the process restarts.
//
// Thread-safe. A series incremented after KeepOnly dropped its key comes back at that count
// and stays until the next KeepOnly: callers keep the set current, not exact at every instant.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace ccspm::serving {

class KeyedCounters {
 public:
  // `family` must outlive this; `key_label` is the label that names what a series is about.
  KeyedCounters(prometheus::Family<prometheus::Counter>& family, std::string key_label);

  KeyedCounters(const KeyedCounters&) = delete;
  KeyedCounters& operator=(const KeyedCounters&) = delete;

  // Adds one to the series of `labels`, which must include the key label.
  void Increment(const prometheus::Labels& labels);

  // Drops every series whose key is not in `keys`.
  void KeepOnly(const std::set<std::string>& keys);

 private:
  prometheus::Family<prometheus::Counter>& family_;
  const std::string key_label_;
  std::mutex mutex_;
  std::map<std::string, std::set<prometheus::Counter*>> by_key_;  // Guarded by mutex_.
};

}  // namespace ccspm::serving
