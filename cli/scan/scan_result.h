// What a scan found: the objects judged, their findings and the input that could not be read.
// Every report format (table, JSON, SARIF, JUnit) and the exit code are computed from this.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/golden.h"
#include "engine/policy_set.h"
#include "manifest/position.h"

namespace ccspm::cli::scan {

struct ObjectRef {
  std::string api_version;
  std::string kind;
  std::string namespace_name;  // Empty when the manifest does not say.
  std::string name;

  // "apps/v1 Deployment shop/web", or "v1 Namespace shop" without a namespace.
  std::string Display() const;
};

struct ScannedObject {
  std::string file;  // As shown to users: the path as given or found, or "stdin".
  manifest::Position position;
  ObjectRef ref;
  // The policies that apply to the object, in name order; owned by ScanResult::policies.
  std::vector<const engine::Policy*> policies;
};

struct Finding {
  size_t object = 0;  // Index into ScanResult::objects.
  engine::Violation violation;
  manifest::Position position;  // Of the failing field, or its nearest ancestor in the file.
};

// A file, document or policy that could not be read, and why.
struct InputError {
  std::string file;
  manifest::Position position;
  std::string message;
};

struct ScanResult {
  engine::PolicySetPtr policies;  // Keeps the policies that violations point into alive.
  std::vector<std::string> files;
  std::vector<ScannedObject> objects;
  std::vector<Finding> findings;
  std::vector<InputError> errors;
  size_t skipped_documents = 0;  // Documents that are not Kubernetes objects.
  // Symbolic links met while walking folders (inputs and policies), not followed.
  std::vector<std::string> skipped_links;
};

// One check of a policy as reports describe it: a golden setting or a CEL validation.
struct CheckInfo {
  std::string id;
  std::string summary;  // One line: what must hold.
  std::string help;     // How to comply, and why.
  engine::Severity severity = engine::Severity::kMedium;
  const engine::Standards* standards = nullptr;  // Owned by the policy.
};

// The checks of a policy, golden settings then validations, in policy order.
std::vector<CheckInfo> Checks(const engine::Policy& policy);

// The check ids of a policy, in the order of Checks: what a policy can report on one object.
std::vector<std::string> CheckIds(const engine::Policy& policy);

// "pss:privileged", "cis:5.2.1", ... for every control of `standards`; empty when null.
std::vector<std::string> StandardTags(const engine::Standards* standards);

}  // namespace ccspm::cli::scan
