// The optional library: optional.of, optional.ofNonZeroValue, optional.none, hasValue(),
// value(), or(), orValue(). (optMap and optFlatMap are macros; ?. and [?] are operators.)
#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

bool IsZeroValue(const Value& v) {
  switch (v.kind()) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return !v.bool_value();
    case Kind::kInt:
      return v.int_value() == 0;
    case Kind::kUint:
      return v.uint_value() == 0;
    case Kind::kDouble:
      return v.double_value() == 0;
    case Kind::kString:
    case Kind::kBytes:
      return v.text().empty();
    case Kind::kList:
      return v.list_size() == 0;
    case Kind::kMap:
      return v.map_size() == 0;
    case Kind::kTimestamp:
    case Kind::kDuration:
      return v.seconds() == 0 && v.nanos() == 0;
    case Kind::kOptional:
      return !v.has_value();
    default:
      return false;
  }
}

Value Of(CallContext&, std::span<const Value> args) { return Value::Optional(args[0]); }

Value OfNonZero(CallContext&, std::span<const Value> args) {
  if (IsZeroValue(args[0])) return Value::OptionalNone();
  return Value::Optional(args[0]);
}

Value None(CallContext&, std::span<const Value>) { return Value::OptionalNone(); }

Value HasValue(CallContext&, std::span<const Value> args) {
  return Value::Bool(args[0].has_value());
}

Value GetValue(CallContext&, std::span<const Value> args) {
  if (!args[0].has_value()) return Value::Error("optional.none() dereference");
  return args[0].optional_value();
}

Value Or(CallContext&, std::span<const Value> args) {
  return args[0].has_value() ? args[0] : args[1];
}

Value OrValue(CallContext&, std::span<const Value> args) {
  return args[0].has_value() ? args[0].optional_value() : args[1];
}

}  // namespace

void RegisterOptional(FunctionRegistry& r) {
  r.Add("optional.of", {Kind::kAny}, false, Of);
  r.Add("optional.ofNonZeroValue", {Kind::kAny}, false, OfNonZero);
  r.Add("optional.none", {}, false, None);
  r.Add("hasValue", {Kind::kOptional}, true, HasValue);
  r.Add("value", {Kind::kOptional}, true, GetValue);
  r.Add("or", {Kind::kOptional, Kind::kOptional}, true, Or);
  r.Add("orValue", {Kind::kOptional, Kind::kAny}, true, OrValue);
}

}  // namespace ccspm::cel
