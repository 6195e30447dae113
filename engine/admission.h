// Admission decisions: what the validating and mutating webhooks answer, decided purely from
// the policies and the object. The webhook only moves bytes around these two functions.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"
#include "engine/check.h"
#include "engine/golden.h"
#include "engine/json_patch.h"
#include "engine/policy_set.h"

namespace ccspm::engine {

struct ValidationVerdict {
  bool allowed = true;
  std::string message;                // The denying violations, one per line (DenialMessage).
  std::vector<std::string> warnings;  // From Warn policies; shown by kubectl.
  std::vector<Violation> warned;      // The violations behind `warnings`.
  std::vector<Violation> denied;      // From Deny policies.
  std::vector<Violation> audited;     // From Audit policies: recorded, not shown to the user.
};

// Checks `object` against every matching policy and sorts the violations by each policy's
// admission action. Denied when any Deny policy is broken. Absent Default-mode settings are
// left to Mutate, which the API server calls first.
ValidationVerdict Validate(const PolicySet& policies, const ObjectIdentity& identity,
                           const JsonValue& object, const CheckInputs& inputs = {});

struct MutationResult {
  std::vector<PatchOp> patch;       // Empty when nothing needed filling.
  std::vector<std::string> filled;  // "policy/check: path" for each filled place.
};

// Fills absent golden settings of every matching policy (except Audit ones, which only
// observe) into a copy of `object` and returns the patch that does the same. Returns no patch
// when the filled object would still be denied: defaults are for objects that will be stored.
MutationResult Mutate(const PolicySet& policies, const ObjectIdentity& identity,
                      const JsonValue& object, const CheckInputs& inputs = {});

// A denial names at most this many violations; an object with thousands of containers would
// otherwise get a message larger than the request that carried it.
inline constexpr size_t kMaxDenialLines = 50;

// The message of a denial: one line per violation, at most kMaxDenialLines, then how many more.
std::string DenialMessage(const std::vector<Violation>& denied);

// The message of one violation as users see it at admission and in Events.
std::string DescribeViolation(const Violation& violation);

}  // namespace ccspm::engine
