#include "serving/keyed_counters.h"

#include <utility>

namespace ccspm::serving {

KeyedCounters::KeyedCounters(prometheus::Family<prometheus::Counter>& family, std::string key_label)
    : family_(family), key_label_(std::move(key_label)) {}

void KeyedCounters::Increment(const prometheus::Labels& labels) {
  const auto key = labels.find(key_label_);
  std::lock_guard<std::mutex> lock(mutex_);
  // Family::Add returns the existing child for known labels.
  prometheus::Counter& counter = family_.Add(labels);
  by_key_[key == labels.end() ? std::string() : key->second].insert(&counter);
  counter.Increment();
}

void KeyedCounters::KeepOnly(const std::set<std::string>& keys) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = by_key_.begin(); it != by_key_.end();) {
    if (keys.count(it->first) != 0) {
      ++it;
      continue;
    }
    for (prometheus::Counter* counter : it->second) family_.Remove(counter);
    it = by_key_.erase(it);
  }
}

}  // namespace ccspm::serving
