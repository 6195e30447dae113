// Runs the policy library's tests and prints "N passed, N failed" as its last line; exits 1
// when anything failed.
#include <cstdio>
#include <filesystem>
#include <string>

#include "test/policy_library/library_consistency.h"
#include "test/policy_library/library_files.h"
#include "test/policy_library/library_fixtures.h"
#include "test/policy_library/outcome.h"
#include "test/policy_library/pss_conformance.h"

namespace {

namespace fs = std::filesystem;
using ccspm::policy_library::Tally;

// Prints the cases counted since `before` under `section`.
void Report(const char* section, const Tally& tally, const Tally& before) {
  std::printf("%s: %d passed, %d failed\n", section, tally.passed() - before.passed(),
              tally.failed() - before.failed());
}

}  // namespace

int main() {
  namespace library = ccspm::policy_library;
  Tally tally;

  library::Library loaded = library::LoadLibrary(CCSPM_LIBRARY_DIR);
  for (const std::string& error : loaded.errors) tally.Expect(false, "loading: " + error);
  const ccspm::engine::PolicySet& set = *loaded.policies;
  std::printf("%zu library policies\n", set.policies().size());

  Tally before = tally;
  if (library::RunPssConformance(set, CCSPM_PSS_DIR, tally)) {
    Report("pss conformance", tally, before);
  } else {
    std::printf("pss conformance: skipped, %s is missing\n", CCSPM_PSS_DIR);
  }

  before = tally;
  library::RunLibraryFixtures(set, fs::path(CCSPM_LIBRARY_DIR) / "tests", tally);
  Report("library fixtures", tally, before);

  before = tally;
  library::CheckRestrictedIncludesBaseline(set, tally);
  library::CheckDocumented(set, tally);
  library::CheckDocTable(set, CCSPM_LIBRARY_DOC, tally);
  Report("library consistency", tally, before);

  std::printf("%d passed, %d failed\n", tally.passed(), tally.failed());
  return tally.failed() == 0 ? 0 : 1;
}
