// Each library check's own fixtures: policies/library/tests/<policy>/<check>/pass-*.yaml and
// fail-*.yaml.
#pragma once

#include <filesystem>

#include "engine/policy_set.h"
#include "test/policy_library/outcome.h"

namespace ccspm::policy_library {

// Every object of a fail- file must fail check <check> of <policy> (other checks may fail too);
// every object of a pass- file must not fail it. A Pod is also wrapped in each pod controller
// kind, which must get the same verdict for the check. Every check of every policy outside the
// Pod Security Standards (which the conformance suite covers) needs at least one pass and one
// fail fixture.
void RunLibraryFixtures(const engine::PolicySet& set, const std::filesystem::path& tests_dir,
                        Tally& tally);

}  // namespace ccspm::policy_library
