// The Ready condition ccspm writes to each GoldenPolicy's status: True when the policy is in
// force, False with the parse error when it was left out. Pure, so it is tested without a
// cluster; the controller writes what it returns.
#pragma once

#include <optional>
#include <string_view>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::controller {

inline constexpr const char* kReasonLoaded = "Loaded";
inline constexpr const char* kReasonInvalid = "InvalidPolicy";

// The merge patch for /status that records `load_status` on `policy_object`, or nothing when
// its status already says so for the current generation. `now` is an RFC 3339 timestamp, used
// as lastTransitionTime only when the condition's status flips.
std::optional<JsonDocument> ReadyConditionPatch(const JsonValue& policy_object,
                                                const Status& load_status, std::string_view now);

}  // namespace ccspm::controller
