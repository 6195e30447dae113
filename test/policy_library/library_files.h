// Reading the policy library's files: the policies, their fixtures and the conformance Pods.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/status.h"
#include "engine/policy_set.h"

namespace ccspm::policy_library {

// Every Kubernetes object of the YAML file at `path`, in file order. Plain scalars are typed as
// kubectl types them; quoted scalars stay strings.
Result<std::vector<JsonDocument>> LoadObjects(const std::filesystem::path& path);

// The files of `dir` whose names end in ".yaml", sorted by name; none when `dir` is missing.
std::vector<std::filesystem::path> YamlFiles(const std::filesystem::path& dir);

// The subfolders of `dir`, sorted by name; none when `dir` is missing.
std::vector<std::filesystem::path> Subfolders(const std::filesystem::path& dir);

struct Library {
  engine::PolicySetPtr policies;
  std::vector<std::string> errors;  // "file: reason" for what could not be read or parsed.
};

// Parses every GoldenPolicy of the .yaml files directly in `dir` (not its subfolders).
Library LoadLibrary(const std::filesystem::path& dir);

// The policy named `name`, or nullptr.
const engine::Policy* FindPolicy(const engine::PolicySet& set, std::string_view name);

// The ids of the checks of `policy`: golden settings first, then validations, without repeats.
std::vector<std::string> CheckIds(const engine::Policy& policy);

}  // namespace ccspm::policy_library
