// Policy test suites (`ccspm test`): a file that names policies, resources and the verdict
// each policy (or one of its checks) must give each resource. Format in docs/cli.md.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "cli/scan/scan_result.h"

namespace ccspm::cli::scan {

inline constexpr const char* kSuiteFileName = "ccspm-test.yaml";

enum class Verdict { kPass, kFail, kSkip };

const char* VerdictName(Verdict verdict);

struct Expectation {
  std::string policy;
  std::string check;     // Empty: the policy as a whole.
  std::string resource;  // "Kind/name" (any namespace) or "Kind/namespace/name".
  Verdict want = Verdict::kPass;
};

struct Suite {
  std::string file;
  std::string name;
  std::vector<std::string> policies;   // Paths made relative to the working folder, or names.
  std::vector<std::string> resources;  // Paths made relative to the working folder.
  std::vector<Expectation> expectations;
};

// Reads a suite file; errors name the file, line and field.
Result<Suite> ReadSuite(const std::string& file);

struct Outcome {
  const Expectation* expectation = nullptr;
  Verdict got = Verdict::kSkip;
  std::string error;  // Set when the expectation names an unknown policy, check or resource.
};

// The verdict of every expectation of `suite` against a scan of its resources.
std::vector<Outcome> Evaluate(const Suite& suite, const ScanResult& result);

}  // namespace ccspm::cli::scan
