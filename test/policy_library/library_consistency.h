// What must hold across the library as a whole: Restricted carries Baseline unchanged, every
// check is documented and mapped, and docs/library.md lists exactly the library's checks.
#pragma once

#include <filesystem>

#include "engine/policy_set.h"
#include "test/policy_library/outcome.h"

namespace ccspm::policy_library {

// pss-restricted holds every variable and validation of pss-baseline with the same text,
// severity and standards, since a cluster installs one level or the other.
void CheckRestrictedIncludesBaseline(const engine::PolicySet& set, Tally& tally);

// Every policy has a description; every check a message and at least one standard.
void CheckDocumented(const engine::PolicySet& set, Tally& tally);

// The table of `doc` (between "<!-- checks:begin -->" and "<!-- checks:end -->") has one row
// "| <policy> | `<id>` | ..." per check of the library, and no other rows.
void CheckDocTable(const engine::PolicySet& set, const std::filesystem::path& doc, Tally& tally);

}  // namespace ccspm::policy_library
