// Type conversions: int(), uint(), double(), string(), bytes(), bool(), type(), dyn(),
// timestamp() and duration() from numbers and strings.
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"
#include "engine/cel/time_util.h"
#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;

Value RangeError(std::string_view what) { return Value::Error(std::string(what) + " range error"); }

Value IntFromUint(CallContext&, std::span<const Value> args) {
  if (args[0].uint_value() > static_cast<uint64_t>(INT64_MAX)) return RangeError("int");
  return Value::Int(static_cast<int64_t>(args[0].uint_value()));
}

Value IntFromDouble(CallContext&, std::span<const Value> args) {
  const double d = args[0].double_value();
  // The open interval avoids the values that round to 2^63 when converted.
  if (std::isnan(d) || d <= -kTwoTo63 || d >= kTwoTo63) return RangeError("int");
  return Value::Int(static_cast<int64_t>(d));
}

Value IntFromString(CallContext&, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  int64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return Value::Error("cannot convert '" + std::string(text) + "' to int");
  }
  return Value::Int(value);
}

Value IntFromTimestamp(CallContext&, std::span<const Value> args) {
  return Value::Int(args[0].seconds());
}

Value UintFromInt(CallContext&, std::span<const Value> args) {
  if (args[0].int_value() < 0) return RangeError("uint");
  return Value::Uint(static_cast<uint64_t>(args[0].int_value()));
}

Value UintFromDouble(CallContext&, std::span<const Value> args) {
  const double d = args[0].double_value();
  if (std::isnan(d) || d < 0 || d >= kTwoTo64) return RangeError("uint");
  return Value::Uint(static_cast<uint64_t>(d));
}

Value UintFromString(CallContext&, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  uint64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return Value::Error("cannot convert '" + std::string(text) + "' to uint");
  }
  return Value::Uint(value);
}

Value DoubleFromInt(CallContext&, std::span<const Value> args) {
  return Value::Double(static_cast<double>(args[0].int_value()));
}

Value DoubleFromUint(CallContext&, std::span<const Value> args) {
  return Value::Double(static_cast<double>(args[0].uint_value()));
}

Value DoubleFromString(CallContext&, std::span<const Value> args) {
  const std::string text(args[0].text());
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    return Value::Error("cannot convert '" + text + "' to double");
  }
  return Value::Double(value);
}

Value StringFrom(CallContext&, std::span<const Value> args) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kString:
      return v;
    case Kind::kInt:
      return Value::String(std::to_string(v.int_value()));
    case Kind::kUint:
      return Value::String(std::to_string(v.uint_value()));
    case Kind::kDouble:
      return Value::String(FormatDouble(v.double_value()));
    case Kind::kBool:
      return Value::StringView(v.bool_value() ? "true" : "false");
    case Kind::kBytes:
      if (!IsValidUtf8(v.text())) return Value::Error("invalid UTF-8 in bytes to string");
      return Value::String(std::string(v.text()));
    case Kind::kTimestamp:
      return Value::String(FormatTimestamp(v.seconds(), v.nanos()));
    case Kind::kDuration:
      return Value::String(FormatDuration(v.seconds(), v.nanos()));
    case Kind::kType:
      return Value::String(std::string(v.text()));
    case Kind::kIP:
    case Kind::kCIDR:
    case Kind::kURL:
    case Kind::kQuantity:
    case Kind::kSemver:
    case Kind::kFormat:
      return Value::String(v.opaque()->ToString());
    default:
      return NoSuchOverload("string");
  }
}

Value BytesFromString(CallContext&, std::span<const Value> args) {
  if (args[0].kind() == Kind::kBytes) return args[0];
  return Value::Bytes(std::string(args[0].text()));
}

Value BoolFromString(CallContext&, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  if (text == "1" || text == "t" || text == "true" || text == "TRUE" || text == "True") {
    return Value::Bool(true);
  }
  if (text == "0" || text == "f" || text == "false" || text == "FALSE" || text == "False") {
    return Value::Bool(false);
  }
  return Value::Error("Type conversion error: cannot convert '" + std::string(text) + "' to bool");
}

Value Identity(CallContext&, std::span<const Value> args) { return args[0]; }

Value TypeOf(CallContext&, std::span<const Value> args) { return Value::TypeOf(args[0].kind()); }

Value TimestampFromString(CallContext&, std::span<const Value> args) {
  return ParseTimestamp(args[0].text());
}

Value TimestampFromInt(CallContext&, std::span<const Value> args) {
  return MakeTimestamp(args[0].int_value(), 0);
}

Value DurationFromString(CallContext&, std::span<const Value> args) {
  return ParseDuration(args[0].text());
}

}  // namespace

void RegisterConversions(FunctionRegistry& r) {
  r.Add("int", {Kind::kInt}, false, Identity);
  r.Add("int", {Kind::kUint}, false, IntFromUint);
  r.Add("int", {Kind::kDouble}, false, IntFromDouble);
  r.Add("int", {Kind::kString}, false, IntFromString);
  r.Add("int", {Kind::kTimestamp}, false, IntFromTimestamp);
  r.Add("uint", {Kind::kUint}, false, Identity);
  r.Add("uint", {Kind::kInt}, false, UintFromInt);
  r.Add("uint", {Kind::kDouble}, false, UintFromDouble);
  r.Add("uint", {Kind::kString}, false, UintFromString);
  r.Add("double", {Kind::kDouble}, false, Identity);
  r.Add("double", {Kind::kInt}, false, DoubleFromInt);
  r.Add("double", {Kind::kUint}, false, DoubleFromUint);
  r.Add("double", {Kind::kString}, false, DoubleFromString);
  r.Add("string", {Kind::kAny}, false, StringFrom);
  r.Add("bytes", {Kind::kString}, false, BytesFromString);
  r.Add("bytes", {Kind::kBytes}, false, BytesFromString);
  r.Add("bool", {Kind::kBool}, false, Identity);
  r.Add("bool", {Kind::kString}, false, BoolFromString);
  r.Add("dyn", {Kind::kAny}, false, Identity);
  r.Add("type", {Kind::kAny}, false, TypeOf);
  r.Add("timestamp", {Kind::kString}, false, TimestampFromString);
  r.Add("timestamp", {Kind::kInt}, false, TimestampFromInt);
  r.Add("timestamp", {Kind::kTimestamp}, false, Identity);
  r.Add("duration", {Kind::kString}, false, DurationFromString);
  r.Add("duration", {Kind::kDuration}, false, Identity);
}

}  // namespace ccspm::cel
