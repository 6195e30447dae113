// Kubernetes label selectors (matchLabels and matchExpressions), evaluated on an object's labels.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"

namespace ccspm::engine {

struct LabelRequirement {
  enum class Operator { kIn, kNotIn, kExists, kDoesNotExist };

  std::string key;
  Operator op = Operator::kExists;
  std::vector<std::string> values;
};

struct LabelSelector {
  std::vector<LabelRequirement> requirements;  // matchLabels become kIn with one value.

  bool empty() const { return requirements.empty(); }

  // `labels` is an object of string values, or nullptr when the object has none.
  bool Matches(const JsonValue* labels) const;
};

// Parses a metav1.LabelSelector; `field` names it in errors.
Result<LabelSelector> ParseLabelSelector(const JsonValue& value, const std::string& field);

}  // namespace ccspm::engine
