#include "controller/repair_budget.h"

namespace ccspm::controller {

bool RepairBudget::TryRepair(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Clock::time_point now = now_();
  std::deque<Clock::time_point>& recent = recent_[key];
  while (!recent.empty() && now - recent.front() >= window_) recent.pop_front();
  if (static_cast<int>(recent.size()) >= repairs_) return false;
  recent.push_back(now);
  return true;
}

std::optional<RepairBudget::Clock::duration> RepairBudget::RetryAfter(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = recent_.find(key);
  if (found == recent_.end()) return std::nullopt;
  const Clock::time_point now = now_();
  std::deque<Clock::time_point>& recent = found->second;
  while (!recent.empty() && now - recent.front() >= window_) recent.pop_front();
  if (static_cast<int>(recent.size()) < repairs_) return std::nullopt;
  return recent.front() + window_ - now;
}

void RepairBudget::Forget(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  recent_.erase(key);
}

}  // namespace ccspm::controller
