#include "cli/scan/exit_code.h"

#include <string>

namespace ccspm::cli::scan {

Result<FailOn> ParseFailOn(std::string_view text) {
  if (text == "none") return FailOn(std::nullopt);
  for (engine::Severity severity : {engine::Severity::kLow, engine::Severity::kMedium,
                                    engine::Severity::kHigh, engine::Severity::kCritical}) {
    if (text == engine::SeverityName(severity)) return FailOn(severity);
  }
  return InvalidError("--fail-on: \"" + std::string(text) +
                      "\" is not low, medium, high, critical or none");
}

int ScanExitCode(const ScanResult& result, FailOn fail_on) {
  if (!result.errors.empty()) return kExitError;
  if (!fail_on.has_value()) return kExitClean;
  for (const Finding& finding : result.findings) {
    if (finding.violation.severity >= *fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace ccspm::cli::scan
