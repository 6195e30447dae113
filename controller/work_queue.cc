#include "controller/work_queue.h"

#include <algorithm>

namespace ccspm::controller {

void WorkQueue::Add(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return;
  if (processing_.count(key) != 0) {
    dirty_.insert(key);
    return;
  }
  if (!queued_.insert(key).second) return;
  queue_.push_back(key);
  ready_.notify_one();
}

void WorkQueue::AddAfter(const std::string& key, Clock::duration delay) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return;
  later_.emplace(Clock::now() + delay, key);
  ready_.notify_one();
}

void WorkQueue::PromoteDueLocked(Clock::time_point now) {
  while (!later_.empty() && later_.begin()->first <= now) {
    std::string key = later_.begin()->second;
    later_.erase(later_.begin());
    if (processing_.count(key) != 0) {
      dirty_.insert(key);
    } else if (queued_.insert(key).second) {
      queue_.push_back(std::move(key));
    }
  }
}

std::optional<std::string> WorkQueue::Get() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (shut_down_) return std::nullopt;
    PromoteDueLocked(Clock::now());
    if (!queue_.empty()) break;
    if (later_.empty()) {
      ready_.wait(lock);
    } else {
      ready_.wait_until(lock, later_.begin()->first);
    }
  }
  std::string key = std::move(queue_.front());
  queue_.pop_front();
  queued_.erase(key);
  processing_.insert(key);
  return key;
}

void WorkQueue::Done(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  processing_.erase(key);
  if (dirty_.erase(key) != 0 && !shut_down_ && queued_.insert(key).second) {
    queue_.push_back(key);
    ready_.notify_one();
  }
}

void WorkQueue::ShutDown() {
  std::lock_guard<std::mutex> lock(mutex_);
  shut_down_ = true;
  ready_.notify_all();
}

size_t WorkQueue::Length() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

std::chrono::milliseconds RetryBackoff::NextDelay(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  int failures = failures_[key]++;
  auto delay = base_ * (int64_t{1} << std::min(failures, 20));
  return std::min<std::chrono::milliseconds>(delay, cap_);
}

int RetryBackoff::Failures(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = failures_.find(key);
  return it == failures_.end() ? 0 : it->second;
}

void RetryBackoff::Forget(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_.erase(key);
}

}  // namespace ccspm::controller
