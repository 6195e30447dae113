// Keeps admission warnings within what the API server passes on intact.
//
// The AdmissionResponse contract says to keep warnings short: ones over 256 characters, and
// large numbers of them, may be truncated by the API server (which caps the total it returns at
// about 4 KiB). Truncating here decides which part the user sees: the start of each message,
// which names the policy and check, and a count of the warnings left out.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ccspm::webhook {

inline constexpr size_t kMaxWarningBytes = 256;
inline constexpr size_t kMaxTotalWarningBytes = 4096;

// Shortens each warning to kMaxWarningBytes (at a UTF-8 character boundary, ending in "...")
// and drops whole warnings past kMaxTotalWarningBytes, ending with "N more warnings omitted".
std::vector<std::string> LimitWarnings(std::vector<std::string> warnings);

}  // namespace ccspm::webhook
