// Applies golden settings to manifest text: `ccspm fix`'s pure part.
//
// Each matching policy's fixes are applied (engine::ApplyGoldenSettings with kEnforceAll, the
// drift repair: absent settings filled, Enforce values reset) in policy name order. Documents
// that need no change keep their bytes exactly; a changed document is written again from its
// JSON (see manifest/emit.h), after the comment lines that lead it.
#pragma once

#include <string>
#include <vector>

#include "cli/scan/scan_result.h"
#include "engine/policy_set.h"
#include "manifest/manifest.h"

namespace ccspm::cli::scan {

struct FixOutcome {
  std::string text;  // The whole file after fixing; the input when nothing changed.
  size_t changed_documents = 0;
  // "v1 Pod shop/web: no-privileged: replace /spec/containers/0/...: false", one per patch op.
  std::vector<std::string> changes;
  // Violations left after fixing (no fix exists, or the document could not be rewritten),
  // as "line:column: policy/check: message".
  std::vector<std::string> remaining;
};

// Limitation: a chunk holding several documents without "---" between them (possible only with
// "..." markers) is left as it is, because its documents cannot be rewritten one by one.
FixOutcome FixManifest(const manifest::Manifest& manifest, const engine::PolicySet& policies);

}  // namespace ccspm::cli::scan
