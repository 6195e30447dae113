#include "engine/cel/operators.h"

#include <cmath>
#include <string>
#include <vector>

#include "engine/cel/function_registry.h"
#include "engine/cel/time_util.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

const char* OpName(Op op) {
  switch (op) {
    case Op::kAdd:
      return "_+_";
    case Op::kSub:
      return "_-_";
    case Op::kMul:
      return "_*_";
    case Op::kDiv:
      return "_/_";
    case Op::kMod:
      return "_%_";
    default:
      return "operator";
  }
}

Value NoOverload(Op op, const Value& a, const Value& b) {
  return Value::Error("no such overload: " + std::string(OpName(op)) + "(" +
                      std::string(KindTypeName(a.kind())) + ", " +
                      std::string(KindTypeName(b.kind())) + ")");
}

Value Overflow() { return Value::Error("integer overflow"); }

Value IntArithmetic(Op op, int64_t a, int64_t b) {
  int64_t result = 0;
  switch (op) {
    case Op::kAdd:
      if (__builtin_add_overflow(a, b, &result)) return Overflow();
      return Value::Int(result);
    case Op::kSub:
      if (__builtin_sub_overflow(a, b, &result)) return Overflow();
      return Value::Int(result);
    case Op::kMul:
      if (__builtin_mul_overflow(a, b, &result)) return Overflow();
      return Value::Int(result);
    case Op::kDiv:
      if (b == 0) return Value::Error("divide by zero");
      if (a == INT64_MIN && b == -1) return Overflow();
      return Value::Int(a / b);
    default:
      if (b == 0) return Value::Error("modulus by zero");
      if (a == INT64_MIN && b == -1) return Overflow();
      return Value::Int(a % b);
  }
}

Value UintArithmetic(Op op, uint64_t a, uint64_t b) {
  uint64_t result = 0;
  switch (op) {
    case Op::kAdd:
      if (__builtin_add_overflow(a, b, &result)) return Overflow();
      return Value::Uint(result);
    case Op::kSub:
      if (__builtin_sub_overflow(a, b, &result)) return Overflow();
      return Value::Uint(result);
    case Op::kMul:
      if (__builtin_mul_overflow(a, b, &result)) return Overflow();
      return Value::Uint(result);
    case Op::kDiv:
      if (b == 0) return Value::Error("divide by zero");
      return Value::Uint(a / b);
    default:
      if (b == 0) return Value::Error("modulus by zero");
      return Value::Uint(a % b);
  }
}

Value DoubleArithmetic(Op op, double a, double b) {
  switch (op) {
    case Op::kAdd:
      return Value::Double(a + b);
    case Op::kSub:
      return Value::Double(a - b);
    case Op::kMul:
      return Value::Double(a * b);
    case Op::kDiv:
      return Value::Double(a / b);
    default:
      return NoOverload(op, Value::Double(a), Value::Double(b));
  }
}

Value ConcatLists(const Value& a, const Value& b, CostTracker* cost) {
  const size_t total = a.list_size() + b.list_size();
  if (cost != nullptr) cost->Add(total);
  // Values are immutable, so a list joined with an empty one is that list itself.
  if (b.list_size() == 0) return a;
  if (a.list_size() == 0) return b;
  std::vector<Value> items;
  items.reserve(total);
  for (size_t i = 0; i < a.list_size(); ++i) items.push_back(a.list_at(i));
  for (size_t i = 0; i < b.list_size(); ++i) items.push_back(b.list_at(i));
  return Value::List(std::move(items));
}

Value TimeArithmetic(Op op, const Value& a, const Value& b) {
  const Kind ka = a.kind();
  const Kind kb = b.kind();
  // Seconds of any valid time fit easily in int64 sums, so only the results need range checks.
  if (op == Op::kAdd) {
    if (ka == Kind::kTimestamp && kb == Kind::kDuration) {
      return MakeTimestamp(a.seconds() + b.seconds(), int64_t{a.nanos()} + b.nanos());
    }
    if (ka == Kind::kDuration && kb == Kind::kTimestamp) {
      return MakeTimestamp(a.seconds() + b.seconds(), int64_t{a.nanos()} + b.nanos());
    }
    if (ka == Kind::kDuration && kb == Kind::kDuration) {
      return MakeDuration(a.seconds() + b.seconds(), int64_t{a.nanos()} + b.nanos());
    }
  }
  if (op == Op::kSub) {
    if (ka == Kind::kTimestamp && kb == Kind::kTimestamp) {
      return MakeDuration(a.seconds() - b.seconds(), int64_t{a.nanos()} - b.nanos());
    }
    if (ka == Kind::kTimestamp && kb == Kind::kDuration) {
      return MakeTimestamp(a.seconds() - b.seconds(), int64_t{a.nanos()} - b.nanos());
    }
    if (ka == Kind::kDuration && kb == Kind::kDuration) {
      return MakeDuration(a.seconds() - b.seconds(), int64_t{a.nanos()} - b.nanos());
    }
  }
  return NoOverload(op, a, b);
}

// An index into a list: an int, a uint, or a double with an integral value.
bool ListIndex(const Value& index, int64_t* out) {
  switch (index.kind()) {
    case Kind::kInt:
      *out = index.int_value();
      return true;
    case Kind::kUint:
      if (index.uint_value() > static_cast<uint64_t>(INT64_MAX)) return false;
      *out = static_cast<int64_t>(index.uint_value());
      return true;
    case Kind::kDouble: {
      const double d = index.double_value();
      if (std::trunc(d) != d || std::abs(d) > 9.0e18) return false;
      *out = static_cast<int64_t>(d);
      return true;
    }
    default:
      return false;
  }
}

bool IsValidKeyKind(Kind kind) {
  return kind == Kind::kString || kind == Kind::kInt || kind == Kind::kUint ||
         kind == Kind::kBool || kind == Kind::kDouble;
}

}  // namespace

Value Arithmetic(Op op, const Value& a, const Value& b, CostTracker* cost) {
  if (a.kind() != b.kind()) return TimeArithmetic(op, a, b);

  switch (a.kind()) {
    case Kind::kInt:
      return IntArithmetic(op, a.int_value(), b.int_value());
    case Kind::kUint:
      return UintArithmetic(op, a.uint_value(), b.uint_value());
    case Kind::kDouble:
      return DoubleArithmetic(op, a.double_value(), b.double_value());
    case Kind::kString:
    case Kind::kBytes: {
      if (op != Op::kAdd) return NoOverload(op, a, b);
      std::string joined;
      joined.reserve(a.text().size() + b.text().size());
      joined.append(a.text()).append(b.text());
      if (cost != nullptr) cost->Add(joined.size() / 10);
      return a.kind() == Kind::kString ? Value::String(std::move(joined))
                                       : Value::Bytes(std::move(joined));
    }
    case Kind::kList:
      if (op != Op::kAdd) return NoOverload(op, a, b);
      return ConcatLists(a, b, cost);
    default:
      return TimeArithmetic(op, a, b);
  }
}

Value Negate(const Value& operand) {
  switch (operand.kind()) {
    case Kind::kInt:
      if (operand.int_value() == INT64_MIN) return Overflow();
      return Value::Int(-operand.int_value());
    case Kind::kDouble:
      return Value::Double(-operand.double_value());
    case Kind::kDuration:
      return MakeDuration(-operand.seconds(), -int64_t{operand.nanos()});
    default:
      return Value::Error("no such overload: -_(" + std::string(KindTypeName(operand.kind())) +
                          ")");
  }
}

Value Index(const Value& container, const Value& index) {
  if (container.kind() == Kind::kList) {
    int64_t i = 0;
    if (!ListIndex(index, &i)) {
      return Value::Error("no such overload: list index of type " +
                          std::string(KindTypeName(index.kind())));
    }
    if (i < 0 || static_cast<uint64_t>(i) >= container.list_size()) {
      return Value::Error("index out of range: " + std::to_string(i));
    }
    return container.list_at(static_cast<size_t>(i));
  }
  if (container.kind() == Kind::kMap) {
    if (!IsValidKeyKind(index.kind())) {
      return Value::Error("unsupported key type: " + std::string(KindTypeName(index.kind())));
    }
    Value found;
    if (container.map_find(index, &found)) return found;
    if (index.kind() == Kind::kString) {
      return Value::Error("no such key: '" + std::string(index.text()) + "'");
    }
    return Value::Error("no such key");
  }
  if (container.kind() == Kind::kOptional) return OptionalIndex(container, index);
  return Value::Error("no such overload: _[_] on " + std::string(KindTypeName(container.kind())));
}

Value OptionalIndex(const Value& container, const Value& index) {
  if (container.kind() == Kind::kOptional) {
    if (!container.has_value()) return container;
    return OptionalIndex(container.optional_value(), index);
  }
  if (container.kind() == Kind::kList) {
    int64_t i = 0;
    if (!ListIndex(index, &i)) return Index(container, index);
    if (i < 0 || static_cast<uint64_t>(i) >= container.list_size()) {
      return Value::OptionalNone();
    }
    return Value::Optional(container.list_at(static_cast<size_t>(i)));
  }
  if (container.kind() == Kind::kMap) {
    if (!IsValidKeyKind(index.kind())) return Index(container, index);
    Value found;
    if (!container.map_find(index, &found)) return Value::OptionalNone();
    return Value::Optional(std::move(found));
  }
  return Value::Error("no such overload: _[?_] on " + std::string(KindTypeName(container.kind())));
}

Value Contains(const Value& container, const Value& element, CostTracker* cost) {
  if (container.kind() == Kind::kList) {
    const size_t size = container.list_size();
    for (size_t i = 0; i < size; ++i) {
      if (cost != nullptr) cost->Add(1);
      if (ValuesEqual(container.list_at(i), element)) return Value::Bool(true);
    }
    return Value::Bool(false);
  }
  if (container.kind() == Kind::kMap) {
    if (!IsValidKeyKind(element.kind())) return Value::Bool(false);
    return Value::Bool(container.map_find(element, nullptr));
  }
  return Value::Error("no such overload: @in on " + std::string(KindTypeName(container.kind())));
}

Value SelectField(const Value& operand, std::string_view name, bool test_only) {
  if (operand.kind() == Kind::kMap) {
    if (test_only) return Value::Bool(operand.map_find_string(name, nullptr));
    Value found;
    if (operand.map_find_string(name, &found)) return found;
    return Value::Error("no such key: '" + std::string(name) + "'");
  }
  if (operand.kind() == Kind::kOptional) {
    if (!operand.has_value()) return test_only ? Value::Bool(false) : operand;
    const Value inner = operand.optional_value();
    if (test_only) return SelectField(inner, name, true);
    return OptionalSelect(inner, name);
  }
  return Value::Error("type '" + std::string(KindTypeName(operand.kind())) +
                      "' does not support field selection");
}

Value OptionalSelect(const Value& operand, std::string_view name) {
  if (operand.kind() == Kind::kOptional) {
    if (!operand.has_value()) return operand;
    return OptionalSelect(operand.optional_value(), name);
  }
  if (operand.kind() == Kind::kMap) return operand.map_optional_field(name);
  return Value::Error("type '" + std::string(KindTypeName(operand.kind())) +
                      "' does not support field selection");
}

}  // namespace ccspm::cel
