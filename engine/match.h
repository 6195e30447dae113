// Decides whether a policy applies to an object, and where its pod paths land in that object.
#pragma once

#include <optional>
#include <string>

#include "base/json.h"
#include "engine/pod_controllers.h"
#include "engine/policy.h"

namespace ccspm::engine {

// What matching needs to know about an object. At admission the kind and namespace come from
// the request (a new object may not carry its namespace yet); elsewhere from the object itself.
struct ObjectIdentity {
  std::string group;
  std::string kind;
  std::string namespace_name;  // Empty for cluster-scoped objects.
  std::string name;
  const JsonValue* labels = nullptr;  // metadata.labels, or nullptr.

  // Reads group and kind from apiVersion/kind, namespace, name and labels from metadata.
  static ObjectIdentity FromObject(const JsonValue& object);
};

// How a matching policy's paths are read against one object.
struct MatchResult {
  // Set when the policy matched through its Pod kind and the object is a pod controller: paths
  // written for a Pod are mapped into this template.
  std::optional<PodTemplateLocation> pod_template;
};

// Whether `policy` applies to the object, and how; nothing when it does not apply.
std::optional<MatchResult> MatchPolicy(const Policy& policy, const ObjectIdentity& object);

// True when `name` equals `pattern`, or starts with its prefix when `pattern` ends in '*'.
bool NameMatches(std::string_view pattern, std::string_view name);

}  // namespace ccspm::engine
