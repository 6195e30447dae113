// Equality and ordering of CEL values as the specification defines them.
//
// Equality is heterogeneous: values of different types are unequal (never an error), and the
// numeric types compare by mathematical value (1 == 1u == 1.0). NaN equals nothing. Ordering is
// defined for numbers (across int, uint and double), strings (by code point, which is byte order
// for UTF-8), bytes, bools, timestamps and durations.
#pragma once

#include "engine/cel/value.h"

namespace ccspm::cel {

enum class Order { kLess, kEqual, kGreater, kUnordered, kInvalid };

// Heterogeneous equality. Neither argument may be an error.
bool ValuesEqual(const Value& a, const Value& b);

// Map key equality: numeric keys compare by value, other keys need the same kind.
bool KeysEqual(const Value& a, const Value& b);

// Ordering; kUnordered for NaN, kInvalid when the kinds cannot be ordered against each other.
Order CompareValues(const Value& a, const Value& b);

bool IsNumeric(Kind kind);

}  // namespace ccspm::cel
