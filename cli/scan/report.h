// The report formats of `ccspm scan`, each a pure function of the scan result.
//
//   table  aligned columns for people; colour only when asked (the command asks when stdout is
//          a terminal and NO_COLOR is unset)
//   json   every finding and error with its place, object, policy, check, severity and
//          standards, and a summary
//   sarif  SARIF 2.1.0 for code-scanning UIs: one run, a rule per check, a result per finding
//          located at the failing line, input errors as tool notifications
//   junit  JUnit XML for CI test reporters: a testsuite per file, a testcase per object and
//          check, a failure per broken check and an error per input error
#pragma once

#include <string>

#include "cli/scan/scan_result.h"

namespace ccspm::cli::scan {

enum class ReportFormat { kTable, kJson, kSarif, kJunit };

// Parses "table", "json", "sarif" or "junit".
Result<ReportFormat> ParseReportFormat(std::string_view text);

std::string TableReport(const ScanResult& result, bool color);
std::string JsonReport(const ScanResult& result);
std::string SarifReport(const ScanResult& result);
std::string JunitReport(const ScanResult& result);

std::string Report(const ScanResult& result, ReportFormat format, bool color);

// "3 findings (1 critical, 2 high) in 12 objects of 5 files; 1 input error; 2 documents
// skipped (...); 1 symbolic link skipped (...)": the last line of the table, also printed by
// other commands.
std::string Summary(const ScanResult& result);

}  // namespace ccspm::cli::scan
