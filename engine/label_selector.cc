#include "engine/label_selector.h"

#include <algorithm>

namespace ccspm::engine {
namespace {

const JsonValue* FindLabel(const JsonValue* labels, const std::string& key) {
  if (labels == nullptr) return nullptr;
  const JsonValue* value = FindMember(*labels, key);
  return value != nullptr && value->IsString() ? value : nullptr;
}

bool RequirementHolds(const LabelRequirement& requirement, const JsonValue* labels) {
  const JsonValue* value = FindLabel(labels, requirement.key);
  auto listed = [&] {
    return std::find(requirement.values.begin(), requirement.values.end(), AsStringView(*value)) !=
           requirement.values.end();
  };
  switch (requirement.op) {
    case LabelRequirement::Operator::kExists:
      return value != nullptr;
    case LabelRequirement::Operator::kDoesNotExist:
      return value == nullptr;
    case LabelRequirement::Operator::kIn:
      return value != nullptr && listed();
    case LabelRequirement::Operator::kNotIn:
      return value == nullptr || !listed();
  }
  return false;
}

Result<LabelRequirement::Operator> ParseOperator(std::string_view name, const std::string& field) {
  if (name == "In") return LabelRequirement::Operator::kIn;
  if (name == "NotIn") return LabelRequirement::Operator::kNotIn;
  if (name == "Exists") return LabelRequirement::Operator::kExists;
  if (name == "DoesNotExist") return LabelRequirement::Operator::kDoesNotExist;
  return InvalidError(field + ".operator: must be In, NotIn, Exists or DoesNotExist, not \"" +
                      std::string(name) + "\"");
}

Result<LabelRequirement> ParseExpression(const JsonValue& value, const std::string& field) {
  if (!value.IsObject()) return InvalidError(field + ": must be an object");

  LabelRequirement requirement;
  requirement.key = std::string(StringMember(value, "key"));
  if (requirement.key.empty()) return InvalidError(field + ".key: required");

  Result<LabelRequirement::Operator> op = ParseOperator(StringMember(value, "operator"), field);
  if (!op.ok()) return op.status();
  requirement.op = *op;

  if (const JsonValue* values = FindMember(value, "values"); values != nullptr) {
    if (!values->IsArray()) return InvalidError(field + ".values: must be a list of strings");
    for (const JsonValue& item : values->GetArray()) {
      if (!item.IsString()) return InvalidError(field + ".values: must be a list of strings");
      requirement.values.emplace_back(AsStringView(item));
    }
  }
  bool needs_values = requirement.op == LabelRequirement::Operator::kIn ||
                      requirement.op == LabelRequirement::Operator::kNotIn;
  if (needs_values == requirement.values.empty()) {
    return InvalidError(
        field + ".values: " +
        (needs_values ? "required for In and NotIn" : "must be empty for Exists and DoesNotExist"));
  }
  return requirement;
}

}  // namespace

bool LabelSelector::Matches(const JsonValue* labels) const {
  return std::all_of(requirements.begin(), requirements.end(),
                     [&](const LabelRequirement& r) { return RequirementHolds(r, labels); });
}

Result<LabelSelector> ParseLabelSelector(const JsonValue& value, const std::string& field) {
  if (!value.IsObject()) return InvalidError(field + ": must be an object");
  LabelSelector selector;

  if (const JsonValue* labels = FindMember(value, "matchLabels"); labels != nullptr) {
    if (!labels->IsObject()) return InvalidError(field + ".matchLabels: must be a map");
    for (const auto& member : labels->GetObject()) {
      if (!member.value.IsString()) {
        return InvalidError(field + ".matchLabels." + member.name.GetString() +
                            ": must be a string");
      }
      selector.requirements.push_back({member.name.GetString(),
                                       LabelRequirement::Operator::kIn,
                                       {std::string(AsStringView(member.value))}});
    }
  }

  if (const JsonValue* expressions = FindMember(value, "matchExpressions");
      expressions != nullptr) {
    if (!expressions->IsArray()) return InvalidError(field + ".matchExpressions: must be a list");
    size_t index = 0;
    for (const JsonValue& item : expressions->GetArray()) {
      Result<LabelRequirement> requirement =
          ParseExpression(item, field + ".matchExpressions[" + std::to_string(index++) + "]");
      if (!requirement.ok()) return requirement.status();
      selector.requirements.push_back(std::move(*requirement));
    }
  }
  return selector;
}

}  // namespace ccspm::engine
