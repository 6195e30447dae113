#include "cli/scan/scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/scan/command_line.h"
#include "cli/scan/exit_code.h"
#include "cli/scan/inputs.h"
#include "cli/scan/policy_sources.h"
#include "cli/scan/report.h"
#include "cli/scan/scanner.h"

namespace ccspm::cli {
namespace {

using scan::kExitError;

constexpr const char* kUsage =
    "usage: ccspm scan [flags] PATH... | -\n"
    "\n"
    "Judges Kubernetes manifests (YAML or JSON files, folders, or - for standard input)\n"
    "against GoldenPolicies.\n"
    "\n"
    "flags:\n"
    "  -p, --policy SOURCE   a policy file, a folder of them, or a built-in name; repeatable\n"
    "  -o, --output FORMAT   table (default), json, sarif or junit\n"
    "  --fail-on SEVERITY    exit 1 for findings at or above: low (default), medium, high,\n"
    "                        critical, or none\n"
    "\n"
    "exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "ccspm scan: %s\n\n%s", message.c_str(), kUsage);
  return kExitError;
}

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || no_color[0] == '\0');
}

}  // namespace

int RunScanCommand(int argc, char** argv) {
  const scan::FlagSpec spec{
      {"policy", "output", "fail-on"}, {}, {{'p', "policy"}, {'o', "output"}}};
  Result<scan::CommandLine> line =
      scan::ParseCommandLine(std::vector<std::string_view>(argv + 1, argv + argc), spec);
  if (!line.ok()) return UsageError(line.status().message());
  if (line->help) {
    std::printf("%s\nbuilt-in policies: %s\n", kUsage, scan::BuiltinPolicyNames().c_str());
    return 0;
  }

  Result<scan::ReportFormat> format = scan::ParseReportFormat(line->Value("output", "table"));
  if (!format.ok()) return UsageError(format.status().message());
  Result<scan::FailOn> fail_on = scan::ParseFailOn(line->Value("fail-on", "low"));
  if (!fail_on.ok()) return UsageError(fail_on.status().message());
  if (line->paths.empty()) return UsageError("no PATH to scan (use - for standard input)");
  if (!line->values.contains("policy")) {
    return UsageError("no policy: give --policy FILE, FOLDER or NAME (built-in: " +
                      scan::BuiltinPolicyNames() + ")");
  }

  Result<scan::LoadedPolicies> policies = scan::LoadPolicySources(line->values["policy"]);
  if (!policies.ok()) return UsageError(policies.status().message());

  scan::ScanResult result;
  result.policies = policies->set;
  result.errors = std::move(policies->errors);
  result.skipped_links = std::move(policies->skipped_links);
  scan::ExpandedInputs inputs = scan::ExpandInputs(line->paths);
  for (scan::InputError& error : inputs.errors) result.errors.push_back(std::move(error));
  for (std::string& link : inputs.skipped_links) result.skipped_links.push_back(std::move(link));
  scan::ScanFiles(inputs.files, &result);

  const std::string report = scan::Report(result, *format, UseColor());
  std::fwrite(report.data(), 1, report.size(), stdout);
  std::fflush(stdout);
  return scan::ScanExitCode(result, *fail_on);
}

}  // namespace ccspm::cli
