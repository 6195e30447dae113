#include "webhook/policy_cache.h"

#include <utility>

#include "base/log.h"
#include "engine/policy_loader.h"

namespace ccspm::webhook {

engine::PolicySetPtr PolicyCache::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

size_t PolicyCache::Replace(const std::vector<const JsonValue*>& policies) {
  std::lock_guard<std::mutex> replace_lock(replace_mutex_);
  engine::LoadedPolicies loaded = engine::LoadPolicies(policies);

  std::set<std::string> errors;
  for (const engine::PolicyLoadError& error : loaded.errors) {
    std::string id = error.policy + "\n" + error.status.message();
    errors.insert(id);
    if (reported_errors_.count(id) != 0) continue;
    log::Warn("skipping invalid policy", {{log::key::kComponent, "webhook"},
                                          {log::key::kPolicy, error.policy},
                                          {log::key::kError, error.status.message()}});
  }

  reported_errors_ = std::move(errors);

  size_t count = loaded.set->policies().size();
  if (metrics_ != nullptr) metrics_->SetPolicies(loaded.set->Names(), loaded.errors.size());

  {
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = std::move(loaded.set);
  }

  log::Info("policies loaded",
            {{log::key::kComponent, "webhook"}, {log::key::kCount, static_cast<uint64_t>(count)}});
  return loaded.errors.size();
}

}  // namespace ccspm::webhook
