#include "test/policy_library/library_fixtures.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "test/policy_library/library_files.h"
#include "test/policy_library/pod_wrappers.h"

namespace ccspm::policy_library {
namespace {

namespace fs = std::filesystem;

struct Coverage {
  int pass = 0;
  int fail = 0;
};

using CoverageMap = std::map<std::pair<std::string, std::string>, Coverage>;

// One object of a fixture, then the same object through every pod controller kind.
void CheckObject(const engine::PolicySet& set, const std::string& policy, const std::string& check,
                 const JsonValue& object, bool expect_fail, const std::string& where,
                 Tally& tally) {
  const Outcome outcome = Evaluate(set, policy, object);
  PrintMessages(where, outcome);
  const bool fails = outcome.failed.count(check) == 1;
  if (!outcome.errors.empty()) {
    tally.Expect(false, where + ": " + outcome.errors.front());
  } else if (expect_fail) {
    tally.Expect(outcome.matched && fails, where + ": must fail " + check + ", failed " +
                                               Join(outcome.failed) +
                                               (outcome.matched ? "" : " (policy did not match)"));
  } else {
    tally.Expect(!fails, where + ": must not fail " + check);
  }

  if (StringMember(object, "kind") != "Pod") return;
  for (const WrappedPod& wrapped : WrapPod(object)) {
    const Outcome through = Evaluate(set, policy, wrapped.object);
    tally.Expect(
        through.matched == outcome.matched && (through.failed.count(check) == 1) == fails &&
            through.errors.empty(),
        where + " as a " + wrapped.kind + ": verdict for " + check + " differs from the Pod's");
  }
}

void CheckFixture(const engine::PolicySet& set, const fs::path& file, CoverageMap& coverage,
                  Tally& tally) {
  const std::string check = file.parent_path().filename().string();
  const std::string policy_name = file.parent_path().parent_path().filename().string();
  const std::string name = file.filename().string();
  const std::string where = policy_name + "/" + check + "/" + name;

  const bool expect_fail = name.starts_with("fail-");
  if (!expect_fail && !name.starts_with("pass-")) {
    tally.Expect(false, where + ": a fixture's name starts with pass- or fail-");
    return;
  }
  const engine::Policy* policy = FindPolicy(set, policy_name);
  std::vector<std::string> ids;
  if (policy != nullptr) ids = CheckIds(*policy);
  if (std::find(ids.begin(), ids.end(), check) == ids.end()) {
    tally.Expect(false, where + ": no check " + check + " in policy " + policy_name);
    return;
  }

  Result<std::vector<JsonDocument>> objects = LoadObjects(file);
  if (!objects.ok() || objects->empty()) {
    tally.Expect(false, where + ": no object: " + (objects.ok() ? "" : objects.status().message()));
    return;
  }
  for (const JsonDocument& object : *objects) {
    CheckObject(set, policy_name, check, object, expect_fail, where, tally);
  }
  Coverage& covered = coverage[{policy_name, check}];
  (expect_fail ? covered.fail : covered.pass) += 1;
}

}  // namespace

void RunLibraryFixtures(const engine::PolicySet& set, const fs::path& tests_dir, Tally& tally) {
  CoverageMap coverage;
  for (const fs::path& policy_dir : Subfolders(tests_dir)) {
    for (const fs::path& check_dir : Subfolders(policy_dir)) {
      for (const fs::path& file : YamlFiles(check_dir)) CheckFixture(set, file, coverage, tally);
    }
  }

  for (const engine::Policy& policy : set.policies()) {
    // The conformance suite covers the two Pod Security Standards levels.
    if (policy.name == "pss-baseline" || policy.name == "pss-restricted") continue;
    for (const std::string& check : CheckIds(policy)) {
      const Coverage& covered = coverage[{policy.name, check}];
      tally.Expect(covered.pass > 0 && covered.fail > 0,
                   policy.name + " check " + check + ": needs pass- and fail- fixtures (has " +
                       std::to_string(covered.pass) + " and " + std::to_string(covered.fail) + ")");
    }
  }
}

}  // namespace ccspm::policy_library
