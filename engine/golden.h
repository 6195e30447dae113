// Golden settings as checks (what an object breaks) and as fixes (the patch that mends it).
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "engine/json_patch.h"
#include "engine/match.h"
#include "engine/policy.h"

namespace ccspm::engine {

struct Violation {
  std::string policy;
  std::string check;    // The setting's id.
  std::string path;     // Where in this object, e.g. "spec.template.spec.containers[0].image".
  std::string pointer;  // The same place as a JSON Pointer, to find its line in a manifest.
  std::string message;  // "<path> is true, must be false", plus the setting's own message.
  Severity severity = Severity::kMedium;
  SettingMode mode = SettingMode::kEnforce;
  // The standards of the check; owned by the policy, which must outlive the violation.
  const Standards* standards = nullptr;
  bool fixable = true;  // False when a scalar or list sits where the fix needs an object.
};

// The golden settings of `policy` that `object` breaks. A Default-mode setting is only broken
// when absent; an Enforce-mode one when absent or different.
std::vector<Violation> CheckGoldenSettings(const Policy& policy, const MatchResult& match,
                                           const JsonValue& object);

enum class FixScope {
  kFillAbsent,  // Admission defaulting: only fill places that are absent.
  kEnforceAll,  // Drift repair: also replace Enforce-mode values that differ.
};

// Mends `object` in place and appends to `ops` the JSON Patch that does the same to the stored
// object. Ops are computed against the object as already mended by earlier ops, so ops from
// several policies applied in order stay valid.
void ApplyGoldenSettings(const Policy& policy, const MatchResult& match, FixScope scope,
                         JsonDocument& object, std::vector<PatchOp>* ops);

}  // namespace ccspm::engine
