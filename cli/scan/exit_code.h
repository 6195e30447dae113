// The exit codes of `ccspm scan` (and the rules `fix` and `test` follow):
//   0  no input error and no finding at or above the --fail-on severity
//   1  a finding at or above the --fail-on severity, and no input error
//   2  a usage error (nothing scanned), or an input error: a path that does not exist, a file
//      or document that cannot be read, an invalid policy. The rest is still scanned and
//      reported, but the result is incomplete, so 2 wins over 1.
#pragma once

#include <optional>
#include <string_view>

#include "base/status.h"
#include "cli/scan/scan_result.h"
#include "engine/policy.h"

namespace ccspm::cli::scan {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

// The --fail-on threshold: a severity, or nullopt for "none" (findings never fail).
using FailOn = std::optional<engine::Severity>;

// Parses low, medium, high, critical or none.
Result<FailOn> ParseFailOn(std::string_view text);

int ScanExitCode(const ScanResult& result, FailOn fail_on);

}  // namespace ccspm::cli::scan
