#include "controller/policy_sync.h"

#include <map>
#include <set>

#include "base/log.h"
#include "controller/policy_condition.h"
#include "engine/pod_controllers.h"
#include "engine/policy_loader.h"
#include "kube/event_builder.h"
#include "kube/object_meta.h"

namespace ccspm::controller {
namespace {

// Every kind a policy reaches: its listed kinds, and the pod controllers of a Pod policy.
std::set<std::pair<std::string, std::string>> KindsOf(const engine::Policy& policy) {
  std::set<std::pair<std::string, std::string>> kinds;
  for (const engine::KindSelector& selector : policy.match.kinds) {
    kinds.emplace(selector.group, selector.kind);
    if (selector.group.empty() && selector.kind == "Pod" && policy.match.pod_controllers) {
      for (const auto& [group, kind] : engine::PodControllerKinds()) kinds.emplace(group, kind);
    }
  }
  return kinds;
}

void LogUnresolved(const WatchedTypes& watched) {
  for (const std::string& kind : watched.unresolved) {
    log::Warn("kind not watched yet", {{log::key::kError, kind}});
  }
}

}  // namespace

kube::ResourceType GoldenPolicyType() {
  return {"ccspm.io", "v1alpha1", "goldenpolicies", "GoldenPolicy", false};
}

WatchedTypes WatchedTypesFor(const engine::PolicySet& policies, kube::ResourceResolver& resolver) {
  std::set<std::pair<std::string, std::string>> kinds;
  for (const engine::Policy& policy : policies.policies()) {
    for (const auto& kind : KindsOf(policy)) kinds.insert(kind);
  }

  WatchedTypes watched;
  for (const auto& [group, kind] : kinds) {
    if (kind == "*" || group == "*") {
      ++watched.wildcards;
      continue;
    }
    Result<kube::ResourceType> type = resolver.Resolve(group, kind);
    if (!type.ok()) {
      watched.unresolved.push_back(group + "/" + kind + ": " + type.status().message());
      continue;
    }
    watched.types.push_back(std::move(*type));
  }
  return watched;
}

PolicySync::PolicySync(kube::ObjectReader& reader, kube::Watcher& watcher,
                       kube::StatusWriter& status, kube::ResourceResolver& resolver,
                       WatchSet& watch_set, Metrics& metrics,
                       kube::InformerOptions informer_options,
                       std::chrono::milliseconds unresolved_retry)
    : status_(status),
      resolver_(resolver),
      watch_set_(watch_set),
      metrics_(metrics),
      informer_(reader, watcher, GoldenPolicyType(), std::move(informer_options),
                {[this](const JsonDocument&) { MarkDirty(); },
                 [this](const JsonDocument&) { MarkDirty(); }}),
      unresolved_retry_(unresolved_retry) {}

PolicySync::~PolicySync() { Stop(); }

void PolicySync::Start() {
  informer_.Start();
  thread_ = std::jthread([this](std::stop_token stop) { Run(stop); });
}

void PolicySync::Stop() {
  if (thread_.joinable()) {
    thread_.request_stop();
    changed_.notify_all();
    thread_.join();
  }
  informer_.Stop();
}

engine::PolicySetPtr PolicySync::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

bool PolicySync::Synced() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return synced_;
}

void PolicySync::MarkDirty() {
  std::lock_guard<std::mutex> lock(mutex_);
  dirty_ = true;
  changed_.notify_all();
}

void PolicySync::Run(std::stop_token stop) {
  // An empty policy list produces no events, so the first rebuild waits for the list instead.
  while (!stop.stop_requested() && !informer_.WaitForSync(std::chrono::milliseconds(200))) {
  }
  while (!stop.stop_requested()) {
    Rebuild();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!dirty_ && !stop.stop_requested()) {
      if (changed_.wait_for(lock, stop, unresolved_retry_, [this] { return dirty_; })) break;
      lock.unlock();
      FollowServedKinds();
      lock.lock();
    }
    dirty_ = false;
  }
}

// The policies did not change, but the kinds the cluster serves may have: a kind they name is
// served now (its CRD installed), or a watched one is no longer (its CRD deleted). Asks the
// resolver only in those cases, so a steady cluster costs no requests.
void PolicySync::FollowServedKinds() {
  const std::vector<kube::ResourceType> gone = watch_set_.TypesNotServed();
  if (gone.empty() && !kinds_unresolved_) return;
  for (const kube::ResourceType& type : gone) resolver_.Forget(type.group, type.version);

  const engine::PolicySetPtr policies = Current();
  WatchedTypes watched = WatchedTypesFor(*policies, resolver_);
  kinds_unresolved_ = !watched.unresolved.empty();
  if (watched.types.size() == watched_types_) return;
  LogUnresolved(watched);
  log::Info("served policy kinds changed",
            {{log::key::kCount, static_cast<uint64_t>(watched.types.size())}});
  Watch(watched);
}

// Points the watch set at `watched.types`; the informers it starts queue every object they list.
void PolicySync::Watch(const WatchedTypes& watched) {
  watch_set_.WatchExactly(watched.types);
  watched_types_ = watched.types.size();
  metrics_.SetWatchedResources(watched.types.size());
}

namespace {

// What makes two policy lists the same policies: names and generations. Status writes, ours
// included, change neither, so they do not cause a rebuild and a re-check of every object.
std::string PolicyListFingerprint(const std::vector<std::shared_ptr<const JsonDocument>>& objects) {
  std::string fingerprint;
  for (const auto& object : objects) {
    const JsonValue* generation = FindPath(*object, "metadata.generation");
    fingerprint += std::string(kube::ObjectName(*object)) + "@" +
                   (generation != nullptr && generation->IsInt64()
                        ? std::to_string(generation->GetInt64())
                        : std::string(kube::ObjectResourceVersion(*object))) +
                   "\n";
  }
  return fingerprint;
}

}  // namespace

void PolicySync::Rebuild() {
  std::vector<std::shared_ptr<const JsonDocument>> objects = informer_.Snapshot();
  std::string fingerprint = PolicyListFingerprint(objects);
  if (Synced() && fingerprint == last_fingerprint_) return;
  last_fingerprint_ = std::move(fingerprint);

  std::vector<const JsonValue*> values;
  for (const auto& object : objects) values.push_back(object.get());
  engine::LoadedPolicies loaded = engine::LoadPolicies(values);

  for (const engine::PolicyLoadError& error : loaded.errors) {
    log::Warn("policy skipped",
              {{log::key::kPolicy, error.policy}, {log::key::kError, error.status.message()}});
  }
  metrics_.SetPolicies(loaded.set->Names(), loaded.errors.size());
  WriteConditions(objects, loaded.errors);

  WatchedTypes watched = WatchedTypesFor(*loaded.set, resolver_);
  LogUnresolved(watched);
  if (watched.wildcards > 0) {
    log::Info("wildcard kinds not watched",
              {{log::key::kCount, static_cast<uint64_t>(watched.wildcards)}});
  }
  kinds_unresolved_ = !watched.unresolved.empty();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = loaded.set;
  }
  Watch(watched);
  watch_set_.QueueAll();

  std::lock_guard<std::mutex> lock(mutex_);
  synced_ = true;
}

void PolicySync::WriteConditions(const std::vector<std::shared_ptr<const JsonDocument>>& objects,
                                 const std::vector<engine::PolicyLoadError>& errors) {
  std::map<std::string, Status, std::less<>> load_errors;
  for (const engine::PolicyLoadError& error : errors) load_errors[error.policy] = error.status;

  std::string now = kube::Rfc3339Now();
  for (const auto& object : objects) {
    std::string_view name = kube::ObjectName(*object);
    auto error = load_errors.find(name);
    Status load_status = error == load_errors.end() ? Status::Ok() : error->second;
    std::optional<JsonDocument> patch = ReadyConditionPatch(*object, load_status, now);
    if (!patch.has_value()) continue;

    // Our own status write comes back as a watch event; the next rebuild finds it current.
    Result<JsonDocument> written = status_.PatchStatus(GoldenPolicyType(), "", name, *patch);
    if (!written.ok()) {
      log::Warn("policy status not written", {{log::key::kPolicy, std::string(name)},
                                              {log::key::kError, written.status().message()}});
    }
  }
}

}  // namespace ccspm::controller
