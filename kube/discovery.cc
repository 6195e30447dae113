#include "kube/discovery.h"

#include "base/log.h"
#include "kube/json_exchange.h"

namespace ccspm::kube {
namespace {

std::string GroupVersionKey(std::string_view group, std::string_view version) {
  return std::string(group) + "/" + std::string(version);
}

std::string GroupVersionPath(std::string_view group, std::string_view version) {
  return group.empty() ? "/api/" + std::string(version)
                       : "/apis/" + std::string(group) + "/" + std::string(version);
}

// The resources of an APIResourceList, without subresources ("pods/status").
std::vector<ResourceType> ParseResourceList(const JsonValue& list, std::string_view group,
                                            std::string_view version) {
  std::vector<ResourceType> resources;
  const JsonValue* items = FindMember(list, "resources");
  if (items == nullptr || !items->IsArray()) return resources;
  for (const JsonValue& item : items->GetArray()) {
    std::string_view name = StringMember(item, "name");
    std::string_view kind = StringMember(item, "kind");
    if (name.empty() || kind.empty() || name.find('/') != std::string_view::npos) continue;
    const JsonValue* namespaced = FindMember(item, "namespaced");
    resources.push_back({std::string(group), std::string(version), std::string(name),
                         std::string(kind), namespaced != nullptr && namespaced->IsTrue()});
  }
  return resources;
}

// Versions of one APIGroup entry, the preferred one first.
std::vector<std::string> ParseGroupVersions(const JsonValue& group) {
  std::vector<std::string> versions;
  const JsonValue* preferred = FindMember(group, "preferredVersion");
  if (preferred != nullptr) {
    std::string_view version = StringMember(*preferred, "version");
    if (!version.empty()) versions.emplace_back(version);
  }
  const JsonValue* listed = FindMember(group, "versions");
  if (listed == nullptr || !listed->IsArray()) return versions;
  for (const JsonValue& entry : listed->GetArray()) {
    std::string version(StringMember(entry, "version"));
    if (!version.empty() && (versions.empty() || versions.front() != version)) {
      versions.push_back(std::move(version));
    }
  }
  return versions;
}

}  // namespace

Discovery::Discovery(std::shared_ptr<Transport> transport, DiscoveryOptions options)
    : transport_(std::move(transport)), options_(std::move(options)) {}

bool Discovery::Fresh(std::chrono::steady_clock::time_point fetched_at) const {
  return options_.now() - fetched_at < options_.min_refresh_interval;
}

Discovery::Lookup Discovery::FindCached(std::string_view group, std::string_view version,
                                        std::string_view kind, ResourceType* found) {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto it = group_versions_.find(GroupVersionKey(group, version));
  if (it == group_versions_.end()) return Lookup::kUnknown;
  for (const ResourceType& resource : it->second.resources) {
    if (resource.kind == kind) {
      *found = resource;
      return Lookup::kFound;
    }
  }
  return Lookup::kAbsent;
}

std::vector<std::string> Discovery::CachedVersions(std::string_view group) {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto it = groups_.find(group);
  return it == groups_.end() ? std::vector<std::string>() : it->second.versions;
}

Status Discovery::RefreshGroups() {
  if (groups_fetched_ && Fresh(groups_fetched_at_)) return Status::Ok();

  Result<JsonDocument> core = ExchangeJson(*transport_, {.method = "GET", .path = "/api"});
  if (!core.ok()) return core.status();
  Result<JsonDocument> named = ExchangeJson(*transport_, {.method = "GET", .path = "/apis"});
  if (!named.ok()) return named.status();

  std::map<std::string, Group, std::less<>> groups;
  const JsonValue* core_versions = FindMember(*core, "versions");
  if (core_versions != nullptr && core_versions->IsArray()) {
    for (const JsonValue& version : core_versions->GetArray()) {
      if (version.IsString()) groups[""].versions.emplace_back(AsStringView(version));
    }
  }
  const JsonValue* list = FindMember(*named, "groups");
  if (list != nullptr && list->IsArray()) {
    for (const JsonValue& group : list->GetArray()) {
      std::string name(StringMember(group, "name"));
      if (!name.empty()) groups[name].versions = ParseGroupVersions(group);
    }
  }

  groups_fetched_ = true;
  groups_fetched_at_ = options_.now();
  std::lock_guard<std::mutex> lock(cache_mutex_);
  groups_ = std::move(groups);
  return Status::Ok();
}

Status Discovery::RefreshGroupVersion(const std::string& group, const std::string& version) {
  std::string key = GroupVersionKey(group, version);
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto it = group_versions_.find(key);
    if (it != group_versions_.end() && Fresh(it->second.fetched_at)) return Status::Ok();
  }

  // A group version that does not exist is remembered as empty, so asking again is cheap.
  Result<JsonDocument> list =
      ExchangeJson(*transport_, {.method = "GET", .path = GroupVersionPath(group, version)});
  if (!list.ok() && list.status().kind() != ErrorKind::kNotFound) return list.status();
  GroupVersion entry;
  entry.fetched_at = options_.now();
  if (list.ok()) entry.resources = ParseResourceList(*list, group, version);

  log::Debug("discovered group version", {{log::key::kResourceGroup, group},
                                          {log::key::kVersion, version},
                                          {log::key::kCount, entry.resources.size()}});
  std::lock_guard<std::mutex> lock(cache_mutex_);
  group_versions_[key] = std::move(entry);
  return Status::Ok();
}

Result<ResourceType> Discovery::ResolveVersion(std::string_view group, std::string_view version,
                                               std::string_view kind) {
  ResourceType found;
  if (FindCached(group, version, kind, &found) == Lookup::kFound) return found;

  std::lock_guard<std::mutex> refresh(refresh_mutex_);
  CCSPM_RETURN_IF_ERROR(RefreshGroupVersion(std::string(group), std::string(version)));
  if (FindCached(group, version, kind, &found) == Lookup::kFound) return found;
  return NotFoundError("the API server has no kind " + std::string(kind) + " in " +
                       (group.empty() ? std::string(version) : GroupVersionKey(group, version)));
}

Result<ResourceType> Discovery::Resolve(std::string_view group, std::string_view kind) {
  // Fast path: the first version, in preference order, known to serve the kind. A version whose
  // list is not cached yet must be fetched before a later one may answer.
  ResourceType found;
  for (const std::string& version : CachedVersions(group)) {
    Lookup lookup = FindCached(group, version, kind, &found);
    if (lookup == Lookup::kFound) return found;
    if (lookup == Lookup::kUnknown) break;
  }

  std::lock_guard<std::mutex> refresh(refresh_mutex_);
  CCSPM_RETURN_IF_ERROR(RefreshGroups());
  for (const std::string& version : CachedVersions(group)) {
    CCSPM_RETURN_IF_ERROR(RefreshGroupVersion(std::string(group), version));
    if (FindCached(group, version, kind, &found) == Lookup::kFound) return found;
  }
  return NotFoundError("the API server has no kind " + std::string(kind) + " in group \"" +
                       std::string(group) + "\"");
}

void Discovery::Forget(std::string_view group, std::string_view version) {
  std::lock_guard<std::mutex> refresh(refresh_mutex_);
  std::lock_guard<std::mutex> lock(cache_mutex_);
  group_versions_.erase(GroupVersionKey(std::string(group), std::string(version)));
  groups_fetched_ = false;
}

}  // namespace ccspm::kube
