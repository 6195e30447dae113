#include "cli/scan/test_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/scan/command_line.h"
#include "cli/scan/exit_code.h"
#include "cli/scan/inputs.h"
#include "cli/scan/policy_sources.h"
#include "cli/scan/scanner.h"
#include "cli/scan/test_suite.h"

namespace ccspm::cli {
namespace {

namespace fs = std::filesystem;
using scan::kExitClean;
using scan::kExitError;
using scan::kExitFindings;

constexpr const char* kUsage =
    "usage: ccspm test PATH...\n"
    "\n"
    "Runs policy test suites: each PATH is a ccspm-test.yaml file or a folder searched\n"
    "recursively for them. Resources are files or folders inside the suite's folder. See\n"
    "docs/cli.md for the format.\n"
    "\n"
    "exit codes: 0 every expectation holds, 1 one does not, 2 a suite cannot be run\n";

std::vector<std::string> FindSuites(const std::vector<std::string>& paths) {
  std::vector<std::string> suites;
  for (const std::string& path : paths) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      suites.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (name == scan::kSuiteFileName || name == "ccspm-test.yml") {
        found.push_back(it->path().string());
      }
    }
    std::sort(found.begin(), found.end());
    suites.insert(suites.end(), found.begin(), found.end());
  }
  return suites;
}

struct Tally {
  size_t passed = 0;
  size_t failed = 0;
  bool error = false;
};

void RunSuite(const std::string& file, Tally* tally) {
  Result<scan::Suite> suite = scan::ReadSuite(file);
  if (!suite.ok()) {
    std::printf("ERROR %s\n", suite.status().message().c_str());
    tally->error = true;
    return;
  }
  Result<scan::LoadedPolicies> policies = scan::LoadPolicySources(suite->policies);
  if (!policies.ok()) {
    std::printf("ERROR %s: %s\n", file.c_str(), policies.status().message().c_str());
    tally->error = true;
    return;
  }

  scan::ScanResult result;
  result.policies = policies->set;
  result.errors = std::move(policies->errors);
  scan::ExpandedInputs inputs = scan::ExpandInputs(suite->resources);
  for (scan::InputError& error : inputs.errors) result.errors.push_back(std::move(error));
  for (const std::string& link : inputs.skipped_links) {
    std::printf("note  %s: skipped symbolic link (not followed): %s\n", suite->name.c_str(),
                link.c_str());
  }
  scan::ScanFiles(inputs.files, &result);
  for (const scan::InputError& error : result.errors) {
    std::printf("ERROR %s: %s:%d:%d: %s\n", suite->name.c_str(), error.file.c_str(),
                error.position.line, error.position.column, error.message.c_str());
    tally->error = true;
  }

  for (const scan::Outcome& outcome : scan::Evaluate(*suite, result)) {
    const scan::Expectation& want = *outcome.expectation;
    const std::string subject = suite->name + ": " + want.policy +
                                (want.check.empty() ? "" : "/" + want.check) + " " + want.resource;
    if (!outcome.error.empty()) {
      std::printf("ERROR %s: %s\n", subject.c_str(), outcome.error.c_str());
      tally->error = true;
    } else if (outcome.got == want.want) {
      std::printf("ok    %s: %s\n", subject.c_str(), scan::VerdictName(outcome.got));
      ++tally->passed;
    } else {
      std::printf("FAIL  %s: got %s, want %s\n", subject.c_str(), scan::VerdictName(outcome.got),
                  scan::VerdictName(want.want));
      ++tally->failed;
    }
  }
}

}  // namespace

int RunTestCommand(int argc, char** argv) {
  Result<scan::CommandLine> line =
      scan::ParseCommandLine(std::vector<std::string_view>(argv + 1, argv + argc), {});
  if (line.ok() && line->help) {
    std::printf("%s", kUsage);
    return kExitClean;
  }
  if (!line.ok() || line->paths.empty()) {
    std::fprintf(stderr, "ccspm test: %s\n\n%s",
                 line.ok() ? "no suite PATH" : line.status().message().c_str(), kUsage);
    return kExitError;
  }

  const std::vector<std::string> suites = FindSuites(line->paths);
  Tally tally;
  if (suites.empty()) {
    std::printf("ERROR no %s found\n", scan::kSuiteFileName);
    tally.error = true;
  }
  for (const std::string& suite : suites) RunSuite(suite, &tally);

  std::printf("%zu passed, %zu failed\n", tally.passed, tally.failed);
  if (tally.error) return kExitError;
  return tally.failed > 0 ? kExitFindings : kExitClean;
}

}  // namespace ccspm::cli
