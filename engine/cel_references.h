// Which admission-only inputs a compiled CEL check reads. A check that reads `request` or
// `oldObject` only means something inside an admission request, so the drift loop and the CLI
// scanner, which have neither, skip it instead of reporting a null dereference as drift.
#pragma once

#include <vector>

#include "engine/policy.h"

namespace ccspm::engine {

// True when `program`, or a variable it reads (through `variables`), reads `request` or
// `oldObject` of `env`.
bool ReadsAdmissionInputs(const cel::Program& program, const std::vector<Variable>& variables,
                          const cel::Environment& env);

// The name of a variable that reads itself, directly or through others (a → b → a), or ""
// when there is no cycle. Such a variable can never be evaluated.
std::string FindVariableCycle(const std::vector<Variable>& variables);

}  // namespace ccspm::engine
