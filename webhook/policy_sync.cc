#include "webhook/policy_sync.h"

#include <chrono>
#include <memory>
#include <vector>

#include "base/log.h"
#include "engine/policy.h"

namespace ccspm::webhook {

kube::ResourceType GoldenPolicyType() {
  return {engine::kPolicyApiGroup, "v1alpha1", "goldenpolicies", engine::kPolicyKind, false};
}

PolicySync::PolicySync(kube::ObjectReader& reader, kube::Watcher& watcher, PolicyCache& cache)
    : cache_(cache),
      informer_(reader, watcher, GoldenPolicyType(), kube::InformerOptions{},
                kube::InformerHandlers{[this](const JsonDocument&) { OnChange(); },
                                       [this](const JsonDocument&) { OnChange(); }}) {}

bool PolicySync::WaitForSync(std::stop_token stop) {
  while (!informer_.WaitForSync(std::chrono::milliseconds(200))) {
    if (stop.stop_requested()) return false;
  }
  Refresh();
  cache_.MarkSynced();
  log::Info("policies synced", {{log::key::kComponent, "webhook"}});
  return true;
}

void PolicySync::Refresh() {
  std::lock_guard<std::mutex> lock(refresh_mutex_);
  std::vector<std::shared_ptr<const JsonDocument>> snapshot = informer_.Snapshot();
  std::vector<const JsonValue*> objects;
  objects.reserve(snapshot.size());
  for (const auto& object : snapshot) objects.push_back(object.get());
  cache_.Replace(objects);
}

void PolicySync::OnChange() {
  if (informer_.HasSynced()) Refresh();
}

}  // namespace ccspm::webhook
