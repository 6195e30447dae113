// Loads the policies a scan judges with, from files, folders and the built-in library.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "cli/scan/scan_result.h"
#include "engine/policy_set.h"

namespace ccspm::cli::scan {

struct LoadedPolicies {
  engine::PolicySetPtr set;
  // Policy files that cannot be read and policies that do not parse, each with its place.
  // The other policies are loaded.
  std::vector<InputError> errors;
  // Symbolic links skipped while walking policy folders (see ExpandInputs).
  std::vector<std::string> skipped_links;
};

// Each source is a file, a folder (its .yaml, .yml and .json files, recursively) or, when no
// such path exists, the name of a built-in library file ("ccspm-example"). Documents of other
// kinds than GoldenPolicy are ignored, so a folder may mix policies and other manifests.
// A policy name defined twice is an error; the first definition is kept. A source that holds no
// GoldenPolicy at all ("no GoldenPolicy found in pod.yaml") is an error too, so a misspelt path
// or an empty folder cannot turn a scan into a pass.
// Fails (invalid) only when a source is neither a path nor a built-in name.
Result<LoadedPolicies> LoadPolicySources(const std::vector<std::string>& sources);

// "ccspm-example, pss-restricted": the built-in names, for help and error messages.
std::string BuiltinPolicyNames();

}  // namespace ccspm::cli::scan
