// Finding where a kind lives in the API: (group, kind) to a ResourceType.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kube/resource.h"
#include "kube/transport.h"

namespace ccspm::kube {

// Implementations are thread-safe. An unknown kind is kNotFound.
class ResourceResolver {
 public:
  virtual ~ResourceResolver() = default;

  // The kind in the group's preferred version (or, when absent there, the first other version
  // that serves it). `group` is "" for the core group.
  virtual Result<ResourceType> Resolve(std::string_view group, std::string_view kind) = 0;

  // The kind in exactly `version` of `group`.
  virtual Result<ResourceType> ResolveVersion(std::string_view group, std::string_view version,
                                              std::string_view kind) = 0;

  // Forgets what is known of `group`/`version`, so the next Resolve asks the API server again
  // (after the resource was found missing: its CRD deleted). Resolvers that cache nothing
  // need not override it.
  virtual void Forget(std::string_view group, std::string_view version) {
    (void)group;
    (void)version;
  }
};

struct DiscoveryOptions {
  // A miss refetches at most this often per group version, so a policy naming a kind the
  // cluster lacks cannot flood the API server.
  std::chrono::milliseconds min_refresh_interval{10000};
  std::function<std::chrono::steady_clock::time_point()> now = std::chrono::steady_clock::now;
};

// Reads GET /api, /apis and the group-version resource lists, caching what it learns. A cache
// miss refreshes the group list and that group version's resources (new CRDs appear that way).
// Hits never refetch: a kind whose CRD was deleted stays cached until its user calls Forget
// (the controller does when a watch is answered 404).
class Discovery final : public ResourceResolver {
 public:
  explicit Discovery(std::shared_ptr<Transport> transport, DiscoveryOptions options = {});

  Result<ResourceType> Resolve(std::string_view group, std::string_view kind) override;
  Result<ResourceType> ResolveVersion(std::string_view group, std::string_view version,
                                      std::string_view kind) override;
  void Forget(std::string_view group, std::string_view version) override;

 private:
  struct Group {
    std::vector<std::string> versions;  // Preferred first.
  };
  struct GroupVersion {
    std::vector<ResourceType> resources;
    std::chrono::steady_clock::time_point fetched_at;
  };

  enum class Lookup { kFound, kAbsent, kUnknown };  // kUnknown: that list is not cached.

  // Cached lookups only; take cache_mutex_.
  Lookup FindCached(std::string_view group, std::string_view version, std::string_view kind,
                    ResourceType* found);
  std::vector<std::string> CachedVersions(std::string_view group);

  // Network refreshes; called with refresh_mutex_ held.
  Status RefreshGroups();
  Status RefreshGroupVersion(const std::string& group, const std::string& version);
  bool Fresh(std::chrono::steady_clock::time_point fetched_at) const;

  std::shared_ptr<Transport> transport_;
  const DiscoveryOptions options_;

  // Serializes refreshes so concurrent misses fetch once. Held across a fetch; cache_mutex_ is
  // taken briefly inside it, never the other way round, so cache hits never wait on the network.
  std::mutex refresh_mutex_;
  std::chrono::steady_clock::time_point groups_fetched_at_;  // Guarded by refresh_mutex_.
  bool groups_fetched_ = false;                              // Guarded by refresh_mutex_.

  std::mutex cache_mutex_;
  std::map<std::string, Group, std::less<>> groups_;                 // Guarded by cache_mutex_.
  std::map<std::string, GroupVersion, std::less<>> group_versions_;  // "group/version"; same.
};

}  // namespace ccspm::kube
