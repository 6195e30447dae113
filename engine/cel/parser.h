// The CEL parser: the full grammar of the CEL specification, with macros expanded.
//
// Failure: an Invalid status "line:column: reason" for a syntax error, a misused macro, a
// reserved word used as an identifier, an out-of-range literal, or an expression nested deeper
// than `max_depth` (so untrusted input cannot exhaust the stack, of the parser or later of the
// checker and interpreter, which recurse over the same tree).
#pragma once

#include <string_view>

#include "base/status.h"
#include "engine/cel/ast.h"

namespace ccspm::cel {

struct ParseOptions {
  int max_depth = 250;
  size_t max_expression_bytes = 100 * 1024;
};

Result<ExprPtr> Parse(std::string_view source, const ParseOptions& options = {});

}  // namespace ccspm::cel
