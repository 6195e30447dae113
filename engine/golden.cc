#include "engine/golden.h"

#include <map>

#include "engine/resolve.h"

namespace ccspm::engine {
namespace {

constexpr size_t kMaxShownValue = 80;

FieldPath EffectivePath(const GoldenSetting& setting, const MatchResult& match) {
  if (!match.pod_template.has_value()) return setting.path;
  return MapPodPath(setting.path, *match.pod_template);
}

std::string Shown(const JsonValue& value) {
  std::string text = ToJson(value);
  if (text.size() > kMaxShownValue) text = text.substr(0, kMaxShownValue) + "...";
  return text;
}

bool Broken(const GoldenSetting& setting, const Target& target) {
  if (target.value == nullptr) return true;
  return setting.mode == SettingMode::kEnforce && *target.value != *setting.value;
}

Violation MakeViolation(const Policy& policy, const GoldenSetting& setting, const Target& target) {
  Violation violation;
  violation.policy = policy.name;
  violation.check = setting.id;
  violation.path = DisplayPath(target.path);
  violation.pointer = JsonPointer(target.path);
  violation.standards = &setting.standards;
  violation.severity = setting.severity;
  violation.mode = setting.mode;
  violation.fixable = !target.blocked;

  std::string found = target.value == nullptr ? "is not set" : "is " + Shown(*target.value);
  violation.message = violation.path + " " + found + ", must be " + Shown(*setting.value);
  if (!setting.message.empty()) violation.message += " (" + setting.message + ")";
  return violation;
}

// The value to write at the gap: the golden value wrapped in the map keys still missing.
std::shared_ptr<JsonDocument> NestedValue(const Target& target, const JsonValue& golden) {
  auto document = std::make_shared<JsonDocument>();
  auto& allocator = document->GetAllocator();
  JsonValue value(golden, allocator);
  for (size_t i = target.path.size(); i > target.existing_steps + 1; --i) {
    JsonValue wrapper(rapidjson::kObjectType);
    wrapper.AddMember(StringValue(target.path[i - 1].key, allocator), value, allocator);
    value = wrapper;
  }
  static_cast<JsonValue&>(*document) = value;
  return document;
}

// The values a fix writes at a gap, shared by every target of one setting: the keys still
// missing are always the path's last ones, so targets with as many missing keys write the same
// value. Sharing matters: each JsonDocument holds its own allocator and first chunk, and a Pod
// with ten thousand containers would otherwise make ten thousand of them.
using NestedValues = std::map<size_t, std::shared_ptr<const JsonDocument>>;

PatchOp FixFor(const GoldenSetting& setting, const Target& target, NestedValues& nested) {
  if (target.value != nullptr) {
    return {PatchOp::Kind::kReplace, JsonPointer(target.path), setting.value};
  }
  ConcretePath gap(target.path.begin(),
                   target.path.begin() + static_cast<std::ptrdiff_t>(target.existing_steps + 1));
  PatchOp::Kind kind = target.null_at_gap ? PatchOp::Kind::kReplace : PatchOp::Kind::kAdd;

  std::shared_ptr<const JsonDocument>& value = nested[target.path.size() - gap.size()];
  if (value == nullptr) value = NestedValue(target, *setting.value);
  return {kind, JsonPointer(gap), value};
}

}  // namespace

std::vector<Violation> CheckGoldenSettings(const Policy& policy, const MatchResult& match,
                                           const JsonValue& object) {
  std::vector<Violation> violations;
  for (const GoldenSetting& setting : policy.settings) {
    for (const Target& target : ResolveTargets(object, EffectivePath(setting, match))) {
      if (Broken(setting, target)) violations.push_back(MakeViolation(policy, setting, target));
    }
  }
  return violations;
}

void ApplyGoldenSettings(const Policy& policy, const MatchResult& match, FixScope scope,
                         JsonDocument& object, std::vector<PatchOp>* ops) {
  for (const GoldenSetting& setting : policy.settings) {
    std::vector<PatchOp> fixes;
    NestedValues nested;
    for (const Target& target : ResolveTargets(object, EffectivePath(setting, match))) {
      if (target.blocked || !Broken(setting, target)) continue;
      if (scope == FixScope::kFillAbsent && target.value != nullptr) continue;
      fixes.push_back(FixFor(setting, target, nested));
    }

    // The targets point into `object`, so it changes only once they are all turned into ops.
    // Each op was derived from the object itself, so applying it cannot fail.
    if (fixes.empty()) continue;
    Status applied = ApplyPatch(object, fixes);
    if (!applied.ok()) continue;
    ops->insert(ops->end(), fixes.begin(), fixes.end());
  }
}

}  // namespace ccspm::engine
