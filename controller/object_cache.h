// What the reconciler reads: the watched objects, by work queue key. The only reads of a
// reconcile come from here, so a reconcile never lists or gets from the API server.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/json.h"
#include "kube/resource.h"

namespace ccspm::controller {

// A work queue key names a resource type and an object: "<group>/<version>/<resource>|<ns>/
// <name>" ("" group for core, no "<ns>/" for cluster-scoped objects).
std::string QueueKey(const kube::ResourceType& type, const JsonValue& object);

struct CachedObject {
  kube::ResourceType type;
  std::shared_ptr<const JsonDocument> object;  // nullptr when the object is gone.
};

class ObjectCache {
 public:
  virtual ~ObjectCache() = default;

  // The current state for `key`; nothing when its resource type is no longer watched.
  virtual std::optional<CachedObject> Lookup(const std::string& key) const = 0;
};

}  // namespace ccspm::controller
