#include "engine/policy_loader.h"

namespace ccspm::engine {

LoadedPolicies LoadPolicies(const std::vector<const JsonValue*>& objects) {
  LoadedPolicies loaded;
  std::vector<Policy> policies;
  for (const JsonValue* object : objects) {
    Result<Policy> policy = ParsePolicy(*object);
    if (policy.ok()) {
      policies.push_back(std::move(*policy));
      continue;
    }
    const JsonValue* name = FindPath(*object, "metadata.name");
    std::string policy_name = name != nullptr && name->IsString() ? name->GetString() : "";
    loaded.errors.push_back({std::move(policy_name), policy.status()});
  }
  loaded.set = std::make_shared<const PolicySet>(std::move(policies));
  return loaded;
}

}  // namespace ccspm::engine
