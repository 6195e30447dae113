// The math extension library: math.greatest/least, rounding, abs, sign, NaN and infinity tests,
// square root, and the bitwise functions.
#include <cmath>

#include "engine/cel/libraries.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

constexpr size_t kMaxVariadicArgs = 16;

// Picks the greatest (or least) of numeric values, keeping the winner's own type.
Value Extreme(std::span<const Value> values, bool greatest, std::string_view name) {
  if (values.empty()) return Value::Error(std::string(name) + "() needs at least one value");
  const Value* best = nullptr;
  for (const Value& v : values) {
    if (!IsNumeric(v.kind())) return NoSuchOverload(name);
    if (best == nullptr) {
      best = &v;
      continue;
    }
    const Order order = CompareValues(v, *best);
    if ((greatest && order == Order::kGreater) || (!greatest && order == Order::kLess)) best = &v;
  }
  return *best;
}

template <bool kGreatest>
Value ExtremeOfArgs(CallContext&, std::span<const Value> args) {
  if (args.size() == 1 && args[0].kind() == Kind::kList) {
    std::vector<Value> items;
    for (size_t i = 0; i < args[0].list_size(); ++i) items.push_back(args[0].list_at(i));
    return Extreme(items, kGreatest, kGreatest ? "math.greatest" : "math.least");
  }
  return Extreme(args, kGreatest, kGreatest ? "math.greatest" : "math.least");
}

Value Ceil(CallContext&, std::span<const Value> a) {
  return Value::Double(std::ceil(a[0].double_value()));
}
Value Floor(CallContext&, std::span<const Value> a) {
  return Value::Double(std::floor(a[0].double_value()));
}
Value Round(CallContext&, std::span<const Value> a) {
  return Value::Double(std::round(a[0].double_value()));
}
Value Trunc(CallContext&, std::span<const Value> a) {
  return Value::Double(std::trunc(a[0].double_value()));
}
Value Sqrt(CallContext&, std::span<const Value> a) {
  const Value& v = a[0];
  const double d = v.kind() == Kind::kDouble ? v.double_value()
                   : v.kind() == Kind::kInt  ? static_cast<double>(v.int_value())
                                             : static_cast<double>(v.uint_value());
  return Value::Double(std::sqrt(d));
}
Value IsNaN(CallContext&, std::span<const Value> a) {
  return Value::Bool(std::isnan(a[0].double_value()));
}
Value IsInf(CallContext&, std::span<const Value> a) {
  return Value::Bool(std::isinf(a[0].double_value()));
}
Value IsFinite(CallContext&, std::span<const Value> a) {
  return Value::Bool(std::isfinite(a[0].double_value()));
}

Value Abs(CallContext&, std::span<const Value> a) {
  const Value& v = a[0];
  if (v.kind() == Kind::kUint) return v;
  if (v.kind() == Kind::kDouble) return Value::Double(std::fabs(v.double_value()));
  if (v.int_value() == INT64_MIN) return Value::Error("integer overflow in math.abs");
  return Value::Int(v.int_value() < 0 ? -v.int_value() : v.int_value());
}

Value Sign(CallContext&, std::span<const Value> a) {
  const Value& v = a[0];
  if (v.kind() == Kind::kUint) return Value::Uint(v.uint_value() > 0 ? 1 : 0);
  if (v.kind() == Kind::kInt) return Value::Int((v.int_value() > 0) - (v.int_value() < 0));
  const double d = v.double_value();
  if (std::isnan(d)) return v;
  return Value::Double((d > 0) - (d < 0));
}

enum class BitOp { kAnd, kOr, kXor };

template <BitOp kOp>
Value Bitwise(CallContext&, std::span<const Value> a) {
  const uint64_t x =
      a[0].kind() == Kind::kInt ? static_cast<uint64_t>(a[0].int_value()) : a[0].uint_value();
  const uint64_t y =
      a[1].kind() == Kind::kInt ? static_cast<uint64_t>(a[1].int_value()) : a[1].uint_value();
  const uint64_t r = kOp == BitOp::kAnd ? (x & y) : kOp == BitOp::kOr ? (x | y) : (x ^ y);
  if (a[0].kind() == Kind::kInt) return Value::Int(static_cast<int64_t>(r));
  return Value::Uint(r);
}

Value BitNot(CallContext&, std::span<const Value> a) {
  if (a[0].kind() == Kind::kInt) return Value::Int(~a[0].int_value());
  return Value::Uint(~a[0].uint_value());
}

template <bool kLeft>
Value Shift(CallContext&, std::span<const Value> a) {
  const int64_t offset = a[1].int_value();
  if (offset < 0) return Value::Error("math.bitShift: negative offset");
  const uint64_t x =
      a[0].kind() == Kind::kInt ? static_cast<uint64_t>(a[0].int_value()) : a[0].uint_value();
  const uint64_t r = offset >= 64 ? 0 : (kLeft ? x << offset : x >> offset);
  if (a[0].kind() == Kind::kInt) return Value::Int(static_cast<int64_t>(r));
  return Value::Uint(r);
}

}  // namespace

void RegisterExtMath(FunctionRegistry& r) {
  for (size_t arity = 1; arity <= kMaxVariadicArgs; ++arity) {
    r.Add("math.greatest", std::vector<Kind>(arity, Kind::kAny), false, ExtremeOfArgs<true>);
    r.Add("math.least", std::vector<Kind>(arity, Kind::kAny), false, ExtremeOfArgs<false>);
  }
  r.Add("math.ceil", {Kind::kDouble}, false, Ceil);
  r.Add("math.floor", {Kind::kDouble}, false, Floor);
  r.Add("math.round", {Kind::kDouble}, false, Round);
  r.Add("math.trunc", {Kind::kDouble}, false, Trunc);
  for (Kind kind : {Kind::kInt, Kind::kUint, Kind::kDouble}) {
    r.Add("math.abs", {kind}, false, Abs);
    r.Add("math.sign", {kind}, false, Sign);
    r.Add("math.sqrt", {kind}, false, Sqrt);
  }
  r.Add("math.isNaN", {Kind::kDouble}, false, IsNaN);
  r.Add("math.isInf", {Kind::kDouble}, false, IsInf);
  r.Add("math.isFinite", {Kind::kDouble}, false, IsFinite);
  for (Kind kind : {Kind::kInt, Kind::kUint}) {
    r.Add("math.bitAnd", {kind, kind}, false, Bitwise<BitOp::kAnd>);
    r.Add("math.bitOr", {kind, kind}, false, Bitwise<BitOp::kOr>);
    r.Add("math.bitXor", {kind, kind}, false, Bitwise<BitOp::kXor>);
    r.Add("math.bitNot", {kind}, false, BitNot);
    r.Add("math.bitShiftLeft", {kind, Kind::kInt}, false, Shift<true>);
    r.Add("math.bitShiftRight", {kind, Kind::kInt}, false, Shift<false>);
  }
}

}  // namespace ccspm::cel
