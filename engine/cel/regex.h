// RE2 patterns for matches(), find() and findAll(): linear-time matching, so no pattern can make
// an evaluation backtrack forever. A pattern that is a constant is compiled once at check time
// (and a bad one rejects the expression then); a computed pattern is compiled per call.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

#include "engine/cel/ast.h"
#include "engine/cel/function_registry.h"

namespace ccspm::cel {

// Compiles `pattern`; null with *error set when it is invalid or too large.
std::shared_ptr<const RE2> CompileRegex(std::string_view pattern, std::string* error);

// The cache builder for functions whose pattern is the last argument.
std::string BuildRegexCache(Expr* call);

// The compiled pattern for a call: the call site's cache when the pattern was constant, else a
// fresh compile kept alive by `*holder`. Null with *error set on a bad pattern.
const RE2* RegexFor(const CallContext& context, const Value& pattern,
                    std::shared_ptr<const RE2>* holder, std::string* error);

}  // namespace ccspm::cel
