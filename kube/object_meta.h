// Read-only accessors for the metadata every Kubernetes object carries.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"

namespace ccspm::kube {

// metadata.name, metadata.namespace, metadata.resourceVersion, metadata.uid; "" when absent.
std::string_view ObjectName(const JsonValue& object);
std::string_view ObjectNamespace(const JsonValue& object);
std::string_view ObjectResourceVersion(const JsonValue& object);
std::string_view ObjectUid(const JsonValue& object);

// The cache key of an object: "namespace/name", or "name" for cluster-scoped objects.
std::string ObjectKey(std::string_view ns, std::string_view name);
std::string ObjectKey(const JsonValue& object);

}  // namespace ccspm::kube
