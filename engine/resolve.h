// Resolves a field path against an object into the concrete places it names.
#pragma once

#include <vector>

#include "base/json.h"
#include "engine/field_path.h"

namespace ccspm::engine {

// One place a path names. For `spec.containers[*].securityContext.privileged` on a Pod with two
// containers there are two targets, whether or not `privileged` is set in each.
struct Target {
  ConcretePath path;
  const JsonValue* value = nullptr;  // nullptr when the place does not exist (or holds null).
  // How many leading steps of `path` lead to existing, non-null values. When `value` is
  // nullptr, step `existing_steps` is the gap: missing, or holding null when `null_at_gap`.
  size_t existing_steps = 0;
  bool null_at_gap = false;
  bool blocked = false;  // A step in the way holds a scalar or list, so nothing can be filled.
};

// Every target of `path` in `object`. Wildcards and list selectors that find no item yield no
// target; a missing map key yields one absent target when only map keys follow it.
std::vector<Target> ResolveTargets(const JsonValue& object, const FieldPath& path);

}  // namespace ccspm::engine
