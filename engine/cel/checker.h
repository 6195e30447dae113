// The CEL checker: resolves names and functions in a parsed tree, in place.
//
// It resolves identifiers to variables, comprehension locals, type names or lazy
// `variables.<name>` sub-expressions (qualified names and the container as the specification
// says: the longest declared prefix wins, the innermost container first, a leading '.' skips the
// container); resolves calls to registry functions, including namespaced ones (math.greatest),
// and checks their arity; folds constant list and map literals into values; and builds the
// per-call caches (constant regex patterns are compiled here, so a bad pattern fails here).
//
// Failure: an Invalid status "line:column: reason". In unchecked mode (Environment::SetChecked
// false) unresolved names and functions are left for the interpreter to report.
#pragma once

#include <string_view>

#include "base/status.h"
#include "engine/cel/ast.h"
#include "engine/cel/cel.h"

namespace ccspm::cel {

// Resolves `root`; sets *max_locals to the number of local slots evaluation needs.
Status Check(Expr* root, const Environment& env, std::string_view source, int* max_locals);

}  // namespace ccspm::cel
