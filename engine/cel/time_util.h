// Timestamps and durations: range checks, RFC 3339 and duration text, civil-calendar math.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/cel/value.h"

namespace ccspm::cel {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the CEL timestamp range.
inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;
// Durations hold a signed 64-bit count of nanoseconds (about 292 years either way).
inline constexpr int64_t kMaxDurationSeconds = 9223372036;

// A timestamp or duration value, or a "range" error when out of range. `nanos` may be any
// value; it is normalized into [0, 1e9) (timestamps) or given the sign of seconds (durations).
Value MakeTimestamp(int64_t seconds, int64_t nanos);
Value MakeDuration(int64_t seconds, int64_t nanos);

Value ParseTimestamp(std::string_view text);
Value ParseDuration(std::string_view text);
std::string FormatTimestamp(int64_t seconds, int32_t nanos);
std::string FormatDuration(int64_t seconds, int32_t nanos);

struct CivilTime {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
  int hour, minute, second;
  int day_of_week;  // 0 = Sunday
  int day_of_year;  // 0-based
};

CivilTime ToCivil(int64_t unix_seconds);
int64_t DaysFromCivil(int64_t year, int month, int day);

}  // namespace ccspm::cel
