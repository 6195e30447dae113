// The CEL operators: arithmetic, indexing, membership and field selection.
//
// Each takes non-error operands and returns a value or an error value ("no such overload" for
// operand kinds the operator does not accept). Integer overflow, division by zero and
// out-of-range times are errors, as the specification says.
#pragma once

#include <string_view>

#include "engine/cel/ast.h"
#include "engine/cel/cost.h"
#include "engine/cel/value.h"

namespace ccspm::cel {

Value Arithmetic(Op op, const Value& a, const Value& b, CostTracker* cost);
Value Negate(const Value& operand);
Value Index(const Value& container, const Value& index);
Value OptionalIndex(const Value& container, const Value& index);
Value Contains(const Value& container, const Value& element, CostTracker* cost);
// a.name; with test_only, has(a.name).
Value SelectField(const Value& operand, std::string_view name, bool test_only);
Value OptionalSelect(const Value& operand, std::string_view name);

}  // namespace ccspm::cel
