// The Pod Security Standards conformance Pods (../shared/conformance/pss, the fixtures of
// Kubernetes' Pod Security admission) against pss-baseline and pss-restricted.
#pragma once

#include <filesystem>

#include "engine/policy_set.h"
#include "test/policy_library/outcome.h"

namespace ccspm::policy_library {

// Each fail/ Pod of a level must fail that level's policy with the check named after its
// control (the file name without its number: "seccompprofile_restricted0" names
// seccompProfile_restricted); each pass/ Pod must pass. Restricted is also run on the Baseline
// fail Pods (Restricted includes Baseline) and Baseline on the Restricted pass Pods. Every Pod
// is also wrapped in each pod controller kind, which must fail the same checks. Every check of
// both policies must be named by some fail Pod. Returns false, counting nothing, when `pss_dir`
// does not exist.
bool RunPssConformance(const engine::PolicySet& set, const std::filesystem::path& pss_dir,
                       Tally& tally);

}  // namespace ccspm::policy_library
