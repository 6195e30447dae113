#include "kube/event_aggregator.h"

#include <algorithm>
#include <utility>

namespace ccspm::kube {

EventAggregator::EventAggregator(EventAggregatorOptions options) : options_(std::move(options)) {}

std::string EventAggregator::Key(const ObjectReference& object, EventType type,
                                 std::string_view reason, std::string_view message) {
  // The uid tells a recreated object from its predecessor of the same name.
  std::string key;
  for (std::string_view part :
       {std::string_view(object.api_version), std::string_view(object.kind),
        std::string_view(object.namespace_name), std::string_view(object.name),
        std::string_view(object.uid), EventTypeName(type), reason, message}) {
    key += part;
    key += '\n';
  }
  return key;
}

std::optional<RecordedEvent> EventAggregator::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  if (options_.now() - found->second.last > options_.window) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.event;
}

void EventAggregator::Remember(const std::string& key, RecordedEvent event) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[key] = Entry{std::move(event), options_.now()};
  if (entries_.size() > options_.capacity) Trim();
}

void EventAggregator::Trim() {
  const auto now = options_.now();
  std::erase_if(entries_,
                [&](const auto& entry) { return now - entry.second.last > options_.window; });
  while (entries_.size() > options_.capacity) {
    auto stalest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
    entries_.erase(stalest);
  }
}

}  // namespace ccspm::kube
