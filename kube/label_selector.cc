#include "kube/label_selector.h"

#include <algorithm>

namespace ccspm::kube {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Splits on commas that are not inside parentheses.
std::vector<std::string_view> SplitTopLevel(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (text[i] == ',' && depth == 0)) {
      parts.push_back(Trim(text.substr(start, i - start)));
      start = i + 1;
    } else if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    }
  }
  return parts;
}

}  // namespace

Result<LabelSelector::Requirement> LabelSelector::ParseRequirement(std::string_view text) {
  std::string quoted = "label selector requirement \"" + std::string(text) + "\"";
  if (text.empty()) return InvalidError("empty label selector requirement");
  if (text.front() == '!') {
    return Requirement{std::string(Trim(text.substr(1))), Op::kNotExists, {}};
  }

  for (auto [word, op] : {std::pair{" notin ", Op::kNotIn}, std::pair{" in ", Op::kIn}}) {
    size_t at = text.find(word);
    if (at == std::string_view::npos) continue;
    std::string_view set = Trim(text.substr(at + std::string_view(word).size()));
    if (set.size() < 2 || set.front() != '(' || set.back() != ')') {
      return InvalidError(quoted + " needs a parenthesised set");
    }
    Requirement requirement{std::string(Trim(text.substr(0, at))), op, {}};
    for (std::string_view value : SplitTopLevel(set.substr(1, set.size() - 2))) {
      requirement.values.emplace_back(value);
    }
    return requirement;
  }

  size_t not_equal = text.find("!=");
  if (not_equal != std::string_view::npos) {
    return Requirement{std::string(Trim(text.substr(0, not_equal))),
                       Op::kNotIn,
                       {std::string(Trim(text.substr(not_equal + 2)))}};
  }
  size_t equal = text.find('=');
  if (equal != std::string_view::npos) {
    size_t value_at = text.compare(equal, 2, "==") == 0 ? equal + 2 : equal + 1;
    return Requirement{std::string(Trim(text.substr(0, equal))),
                       Op::kIn,
                       {std::string(Trim(text.substr(value_at)))}};
  }
  if (text.find_first_of("()<> ") != std::string_view::npos) {
    return InvalidError(quoted + " is not supported");
  }
  return Requirement{std::string(text), Op::kExists, {}};
}

Result<LabelSelector> LabelSelector::Parse(std::string_view text) {
  LabelSelector selector;
  if (Trim(text).empty()) return selector;
  for (std::string_view part : SplitTopLevel(text)) {
    Result<Requirement> requirement = ParseRequirement(part);
    if (!requirement.ok()) return requirement.status();
    if (requirement->key.empty()) return InvalidError("label selector requirement has no key");
    selector.requirements_.push_back(std::move(requirement).value());
  }
  return selector;
}

bool LabelSelector::Matches(const JsonValue& object) const {
  const JsonValue* labels = FindPath(object, "metadata.labels");
  for (const Requirement& requirement : requirements_) {
    const JsonValue* value = labels == nullptr ? nullptr : FindMember(*labels, requirement.key);
    bool present = value != nullptr && value->IsString();
    bool in_set = present && std::find(requirement.values.begin(), requirement.values.end(),
                                       AsStringView(*value)) != requirement.values.end();
    bool ok = false;
    switch (requirement.op) {
      case Op::kExists:
        ok = present;
        break;
      case Op::kNotExists:
        ok = !present;
        break;
      case Op::kIn:
        ok = in_set;
        break;
      case Op::kNotIn:
        // Also true when the label is absent, as in Kubernetes.
        ok = !in_set;
        break;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace ccspm::kube
