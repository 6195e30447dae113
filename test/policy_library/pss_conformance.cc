#include "test/policy_library/pss_conformance.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "test/policy_library/library_files.h"
#include "test/policy_library/pod_wrappers.h"

namespace ccspm::policy_library {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "hostnamespaces2.yaml" -> "hostnamespaces".
std::string ControlOf(const fs::path& fixture) {
  std::string stem = fixture.stem().string();
  while (!stem.empty() && std::isdigit(static_cast<unsigned char>(stem.back()))) stem.pop_back();
  return stem;
}

// The failed check whose id is `control`, ignoring case; "" when none is.
std::string NamedCheck(const Outcome& outcome, const std::string& control) {
  for (const std::string& id : outcome.failed) {
    if (Lower(id) == control) return id;
  }
  return "";
}

struct Run {
  const engine::PolicySet& set;
  std::string policy;
  Tally& tally;
  std::set<std::string> named;  // Check ids some fail Pod named.
};

// One conformance Pod: its verdict, then the same verdict through every controller kind.
void CheckPod(Run& run, const fs::path& file, bool expect_fail) {
  const std::string where = run.policy + " " +
                            file.parent_path().parent_path().filename().string() + "/" +
                            file.parent_path().filename().string() + "/" + file.filename().string();
  Result<std::vector<JsonDocument>> objects = LoadObjects(file);
  if (!objects.ok() || objects->size() != 1) {
    run.tally.Expect(false, where + ": expected one object: " +
                                (objects.ok() ? "" : objects.status().message()));
    return;
  }
  const JsonDocument& pod = objects->front();
  const Outcome outcome = Evaluate(run.set, run.policy, pod);
  PrintMessages(where, outcome);

  const std::string control = ControlOf(file);
  if (!outcome.errors.empty()) {
    run.tally.Expect(false, where + ": " + outcome.errors.front());
  } else if (expect_fail) {
    const std::string named = NamedCheck(outcome, control);
    if (!named.empty()) run.named.insert(named);
    run.tally.Expect(!named.empty(),
                     where + ": must fail check " + control + ", failed " + Join(outcome.failed));
  } else {
    run.tally.Expect(outcome.matched && outcome.failed.empty(),
                     where + ": must pass, failed " + Join(outcome.failed));
  }

  for (const WrappedPod& wrapped : WrapPod(pod)) {
    const Outcome through = Evaluate(run.set, run.policy, wrapped.object);
    run.tally.Expect(through.matched && through.failed == outcome.failed && through.errors.empty(),
                     where + " as a " + wrapped.kind + ": failed " + Join(through.failed) +
                         ", the Pod failed " + Join(outcome.failed));
  }
}

void CheckFolder(Run& run, const fs::path& folder, bool expect_fail) {
  for (const fs::path& file : YamlFiles(folder)) CheckPod(run, file, expect_fail);
}

// Every check of the policy was named by a fail Pod, so none is untested.
void CheckCoverage(Run& run) {
  const engine::Policy* policy = FindPolicy(run.set, run.policy);
  if (policy == nullptr) {
    run.tally.Expect(false, run.policy + ": not in the library");
    return;
  }
  for (const engine::Validation& validation : policy->validations) {
    run.tally.Expect(run.named.count(validation.id) == 1,
                     run.policy + " check " + validation.id + ": no conformance Pod fails it");
  }
}

}  // namespace

bool RunPssConformance(const engine::PolicySet& set, const fs::path& pss_dir, Tally& tally) {
  if (!fs::is_directory(pss_dir)) return false;

  Tally start = tally;
  Run baseline{set, "pss-baseline", tally, {}};
  CheckFolder(baseline, pss_dir / "baseline" / "fail", true);
  CheckFolder(baseline, pss_dir / "baseline" / "pass", false);
  CheckFolder(baseline, pss_dir / "restricted" / "pass", false);
  CheckCoverage(baseline);
  std::printf("pss-baseline conformance: %d passed, %d failed\n", tally.passed() - start.passed(),
              tally.failed() - start.failed());

  start = tally;
  Run restricted{set, "pss-restricted", tally, {}};
  CheckFolder(restricted, pss_dir / "restricted" / "fail", true);
  CheckFolder(restricted, pss_dir / "restricted" / "pass", false);
  CheckFolder(restricted, pss_dir / "baseline" / "fail", true);
  CheckCoverage(restricted);
  std::printf("pss-restricted conformance: %d passed, %d failed\n", tally.passed() - start.passed(),
              tally.failed() - start.failed());
  return true;
}

}  // namespace ccspm::policy_library
