// Judges the objects of manifests against a policy set with the engine's own entry points
// (PolicySet::Matching and CheckPolicy), the calls admission and drift make, so a scan in CI
// and the cluster agree. Default-mode findings (settings a webhook would fill) are included:
// they are what `ccspm fix` writes.
#pragma once

#include <string>
#include <vector>

#include "cli/scan/inputs.h"
#include "cli/scan/scan_result.h"
#include "engine/policy_set.h"
#include "manifest/manifest.h"

namespace ccspm::cli::scan {

// Appends the objects, findings and reading errors of `manifest`, read from `file`.
void ScanManifest(const std::string& file, const manifest::Manifest& manifest,
                  const engine::PolicySet& policies, ScanResult* result);

// Reads and judges every file of `inputs`, one at a time so memory stays bounded by the
// largest file. Starts from `result`, which holds the policy set and earlier errors.
void ScanFiles(const std::vector<InputFile>& inputs, ScanResult* result);

}  // namespace ccspm::cli::scan
