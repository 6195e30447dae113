// Timestamp and duration accessors: getFullYear(), getHours('America/New_York'), ...
#include "engine/cel/libraries.h"
#include "engine/cel/time_util.h"
#include "engine/cel/time_zone.h"

namespace ccspm::cel {

namespace {

enum class Field {
  kYear,
  kMonth,
  kDate,
  kDayOfMonth,
  kDayOfWeek,
  kDayOfYear,
  kHours,
  kMinutes,
  kSeconds,
  kMilliseconds
};

Value TimestampField(CallContext& context, std::span<const Value> args, Field field) {
  int64_t seconds = args[0].seconds();
  if (args.size() > 1) {
    const std::optional<int32_t> offset =
        ResolveZoneOffset(args[1].text(), seconds, context.time_zones);
    if (!offset) return Value::Error("unknown time zone '" + std::string(args[1].text()) + "'");
    seconds += *offset;
  }
  const CivilTime civil = ToCivil(seconds);
  switch (field) {
    case Field::kYear:
      return Value::Int(civil.year);
    case Field::kMonth:
      return Value::Int(civil.month - 1);
    case Field::kDate:
      return Value::Int(civil.day);
    case Field::kDayOfMonth:
      return Value::Int(civil.day - 1);
    case Field::kDayOfWeek:
      return Value::Int(civil.day_of_week);
    case Field::kDayOfYear:
      return Value::Int(civil.day_of_year);
    case Field::kHours:
      return Value::Int(civil.hour);
    case Field::kMinutes:
      return Value::Int(civil.minute);
    case Field::kSeconds:
      return Value::Int(civil.second);
    case Field::kMilliseconds:
      return Value::Int(args[0].nanos() / 1'000'000);
  }
  return Value::Null();
}

Value DurationField(std::span<const Value> args, Field field) {
  const int64_t seconds = args[0].seconds();
  switch (field) {
    case Field::kHours:
      return Value::Int(seconds / 3600);
    case Field::kMinutes:
      return Value::Int(seconds / 60);
    case Field::kSeconds:
      return Value::Int(seconds);
    default:
      return Value::Int(args[0].nanos() / 1'000'000);
  }
}

template <Field F>
Value OnTimestamp(CallContext& context, std::span<const Value> args) {
  return TimestampField(context, args, F);
}

template <Field F>
Value OnDuration(CallContext&, std::span<const Value> args) {
  return DurationField(args, F);
}

template <Field F>
void AddTimestampAccessor(FunctionRegistry& r, std::string_view name) {
  r.Add(name, {Kind::kTimestamp}, true, OnTimestamp<F>);
  r.Add(name, {Kind::kTimestamp, Kind::kString}, true, OnTimestamp<F>);
}

}  // namespace

void RegisterTime(FunctionRegistry& r) {
  AddTimestampAccessor<Field::kYear>(r, "getFullYear");
  AddTimestampAccessor<Field::kMonth>(r, "getMonth");
  AddTimestampAccessor<Field::kDate>(r, "getDate");
  AddTimestampAccessor<Field::kDayOfMonth>(r, "getDayOfMonth");
  AddTimestampAccessor<Field::kDayOfWeek>(r, "getDayOfWeek");
  AddTimestampAccessor<Field::kDayOfYear>(r, "getDayOfYear");
  AddTimestampAccessor<Field::kHours>(r, "getHours");
  AddTimestampAccessor<Field::kMinutes>(r, "getMinutes");
  AddTimestampAccessor<Field::kSeconds>(r, "getSeconds");
  AddTimestampAccessor<Field::kMilliseconds>(r, "getMilliseconds");
  r.Add("getHours", {Kind::kDuration}, true, OnDuration<Field::kHours>);
  r.Add("getMinutes", {Kind::kDuration}, true, OnDuration<Field::kMinutes>);
  r.Add("getSeconds", {Kind::kDuration}, true, OnDuration<Field::kSeconds>);
  r.Add("getMilliseconds", {Kind::kDuration}, true, OnDuration<Field::kMilliseconds>);
}

}  // namespace ccspm::cel
