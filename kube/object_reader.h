// Reading objects: the narrowest interface for code that only looks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/status.h"
#include "kube/resource.h"

namespace ccspm::kube {

struct ListOptions {
  std::string namespace_name;  // "" lists every namespace (or a cluster-scoped collection).
  std::string label_selector;  // Kubernetes selector syntax: "app=web,tier!=db".
  std::string field_selector;  // "metadata.name=x"; what each resource supports varies.
};

struct ObjectList {
  std::vector<JsonDocument> items;  // Each with apiVersion and kind filled in.
  std::string resource_version;     // Of the list as a whole: where a watch should resume.
};

// Implementations are thread-safe. Errors follow api_error.h (kNotFound for a missing object).
class ObjectReader {
 public:
  virtual ~ObjectReader() = default;

  // `ns` is ignored for cluster-scoped types.
  virtual Result<JsonDocument> Get(const ResourceType& type, std::string_view ns,
                                   std::string_view name) = 0;

  // Every matching object, one consistent snapshot even when fetched in pages.
  virtual Result<ObjectList> List(const ResourceType& type, const ListOptions& options) = 0;
};

}  // namespace ccspm::kube
