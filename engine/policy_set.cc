#include "engine/policy_set.h"

#include <algorithm>

namespace ccspm::engine {

PolicySet::PolicySet(std::vector<Policy> policies) : policies_(std::move(policies)) {
  std::sort(policies_.begin(), policies_.end(),
            [](const Policy& a, const Policy& b) { return a.name < b.name; });
}

std::set<std::string> PolicySet::Names() const {
  std::set<std::string> names;
  for (const Policy& policy : policies_) names.insert(policy.name);
  return names;
}

std::vector<PolicyMatch> PolicySet::Matching(const ObjectIdentity& object) const {
  std::vector<PolicyMatch> matches;
  for (const Policy& policy : policies_) {
    if (std::optional<MatchResult> how = MatchPolicy(policy, object); how.has_value()) {
      matches.push_back({&policy, std::move(*how)});
    }
  }
  return matches;
}

}  // namespace ccspm::engine
