// Turns GoldenPolicy objects (from the cluster or from files) into a PolicySet. A policy that
// cannot be parsed is left out and reported; the others keep working.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "engine/policy_set.h"

namespace ccspm::engine {

struct PolicyLoadError {
  std::string policy;  // metadata.name, or "" when even that is missing.
  Status status;
};

struct LoadedPolicies {
  PolicySetPtr set;
  std::vector<PolicyLoadError> errors;
};

LoadedPolicies LoadPolicies(const std::vector<const JsonValue*>& objects);

}  // namespace ccspm::engine
