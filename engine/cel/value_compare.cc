#include "engine/cel/value_compare.h"

#include <cmath>

namespace ccspm::cel {

namespace {

template <typename T>
Order Compare3(T a, T b) {
  if (a < b) return Order::kLess;
  if (b < a) return Order::kGreater;
  return Order::kEqual;
}

Order Flip(Order order) {
  if (order == Order::kLess) return Order::kGreater;
  if (order == Order::kGreater) return Order::kLess;
  return order;
}

// The specification compares an integer with a double as doubles (lossy near 2^63), which is
// what its conformance tests check.
Order CompareIntDouble(int64_t i, double d) {
  if (std::isnan(d)) return Order::kUnordered;
  return Compare3(static_cast<double>(i), d);
}

Order CompareUintDouble(uint64_t u, double d) {
  if (std::isnan(d)) return Order::kUnordered;
  return Compare3(static_cast<double>(u), d);
}

Order CompareIntUint(int64_t i, uint64_t u) {
  if (i < 0) return Order::kLess;
  return Compare3(static_cast<uint64_t>(i), u);
}

Order CompareNumbers(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Kind::kInt:
      if (b.kind() == Kind::kInt) return Compare3(a.int_value(), b.int_value());
      if (b.kind() == Kind::kUint) return CompareIntUint(a.int_value(), b.uint_value());
      return CompareIntDouble(a.int_value(), b.double_value());
    case Kind::kUint:
      if (b.kind() == Kind::kUint) return Compare3(a.uint_value(), b.uint_value());
      if (b.kind() == Kind::kInt) return Flip(CompareIntUint(b.int_value(), a.uint_value()));
      return CompareUintDouble(a.uint_value(), b.double_value());
    default:
      if (b.kind() == Kind::kDouble) {
        if (std::isnan(a.double_value()) || std::isnan(b.double_value())) {
          return Order::kUnordered;
        }
        return Compare3(a.double_value(), b.double_value());
      }
      return Flip(CompareNumbers(b, a));
  }
}

Order CompareTime(const Value& a, const Value& b) {
  if (a.seconds() != b.seconds()) return Compare3(a.seconds(), b.seconds());
  return Compare3(a.nanos(), b.nanos());
}

bool ListsEqual(const Value& a, const Value& b) {
  const size_t size = a.list_size();
  if (size != b.list_size()) return false;
  for (size_t i = 0; i < size; ++i) {
    if (!ValuesEqual(a.list_at(i), b.list_at(i))) return false;
  }
  return true;
}

bool MapsEqual(const Value& a, const Value& b) {
  const size_t size = a.map_size();
  if (size != b.map_size()) return false;
  for (size_t i = 0; i < size; ++i) {
    Value other;
    if (!b.map_find(a.map_key_at(i), &other)) return false;
    if (!ValuesEqual(a.map_value_at(i), other)) return false;
  }
  return true;
}

}  // namespace

bool IsNumeric(Kind kind) {
  return kind == Kind::kInt || kind == Kind::kUint || kind == Kind::kDouble;
}

bool ValuesEqual(const Value& a, const Value& b) {
  if (IsNumeric(a.kind()) && IsNumeric(b.kind())) return CompareNumbers(a, b) == Order::kEqual;
  if (a.kind() != b.kind()) return false;

  switch (a.kind()) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.bool_value() == b.bool_value();
    case Kind::kString:
    case Kind::kBytes:
    case Kind::kType:
      return a.text() == b.text();
    case Kind::kTimestamp:
    case Kind::kDuration:
      return CompareTime(a, b) == Order::kEqual;
    case Kind::kList:
      return ListsEqual(a, b);
    case Kind::kMap:
      return MapsEqual(a, b);
    case Kind::kOptional:
      if (a.has_value() != b.has_value()) return false;
      return !a.has_value() || ValuesEqual(a.optional_value(), b.optional_value());
    case Kind::kIP:
    case Kind::kCIDR:
    case Kind::kQuantity:
    case Kind::kURL:
    case Kind::kSemver:
    case Kind::kFormat:
      return a.opaque()->Equals(*b.opaque());
    default:
      return false;
  }
}

bool KeysEqual(const Value& a, const Value& b) {
  if (IsNumeric(a.kind()) && IsNumeric(b.kind())) return CompareNumbers(a, b) == Order::kEqual;
  if (a.kind() != b.kind()) return false;
  if (a.kind() == Kind::kBool) return a.bool_value() == b.bool_value();
  if (a.kind() == Kind::kString) return a.text() == b.text();
  return false;
}

Order CompareValues(const Value& a, const Value& b) {
  if (IsNumeric(a.kind()) && IsNumeric(b.kind())) return CompareNumbers(a, b);
  if (a.kind() != b.kind()) return Order::kInvalid;

  switch (a.kind()) {
    case Kind::kBool:
      return Compare3(a.bool_value(), b.bool_value());
    case Kind::kString:
    case Kind::kBytes: {
      const int c = a.text().compare(b.text());
      return c < 0 ? Order::kLess : (c > 0 ? Order::kGreater : Order::kEqual);
    }
    case Kind::kTimestamp:
    case Kind::kDuration:
      return CompareTime(a, b);
    default:
      return Order::kInvalid;
  }
}

}  // namespace ccspm::cel
