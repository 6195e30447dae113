// Kubernetes label selectors, evaluated in memory (used by the fake client).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::kube {

class LabelSelector {
 public:
  // Parses "a=b,c!=d,e,!f,g in (x,y),h notin (z)" ("==" means "="). "" matches everything.
  static Result<LabelSelector> Parse(std::string_view text);

  // Whether metadata.labels of `object` satisfy every requirement.
  bool Matches(const JsonValue& object) const;

 private:
  enum class Op { kIn, kNotIn, kExists, kNotExists };
  struct Requirement {
    std::string key;
    Op op;
    std::vector<std::string> values;  // For kIn / kNotIn; "=" is kIn with one value.
  };

  static Result<Requirement> ParseRequirement(std::string_view text);

  std::vector<Requirement> requirements_;
};

}  // namespace ccspm::kube
