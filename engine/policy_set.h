// An immutable set of parsed policies, shared by reference between request threads.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/match.h"
#include "engine/policy.h"

namespace ccspm::engine {

struct PolicyMatch {
  const Policy* policy;
  MatchResult how;
};

class PolicySet {
 public:
  PolicySet() = default;
  explicit PolicySet(std::vector<Policy> policies);

  const std::vector<Policy>& policies() const { return policies_; }
  std::set<std::string> Names() const;

  // Policies that apply to `object`, in name order so results are stable.
  std::vector<PolicyMatch> Matching(const ObjectIdentity& object) const;

 private:
  std::vector<Policy> policies_;  // Sorted by name.
};

using PolicySetPtr = std::shared_ptr<const PolicySet>;

}  // namespace ccspm::engine
