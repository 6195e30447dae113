#include "engine/cel/time_util.h"

#include <cstdio>

namespace ccspm::cel {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

// Wide enough for any sum of in-range durations; __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool ParseDigits(std::string_view text, size_t pos, size_t count, int64_t* out) {
  if (pos + count > text.size()) return false;
  int64_t value = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Value RangeError(std::string_view what) {
  return Value::Error(std::string(what) + " out of range");
}

}  // namespace

int64_t DaysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2;
  const int64_t era = FloorDiv(year, 400);
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTime ToCivil(int64_t unix_seconds) {
  const int64_t days = FloorDiv(unix_seconds, 86400);
  const int64_t seconds_of_day = unix_seconds - days * 86400;

  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year_march =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year_march + 2) / 153;
  const int day = static_cast<int>(day_of_year_march - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t year = year_of_era + era * 400 + (month <= 2);

  CivilTime civil;
  civil.year = year;
  civil.month = month;
  civil.day = day;
  civil.hour = static_cast<int>(seconds_of_day / 3600);
  civil.minute = static_cast<int>(seconds_of_day / 60 % 60);
  civil.second = static_cast<int>(seconds_of_day % 60);
  civil.day_of_week = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday.
  civil.day_of_year = static_cast<int>(days - DaysFromCivil(year, 1, 1));
  return civil;
}

Value MakeTimestamp(int64_t seconds, int64_t nanos) {
  seconds += FloorDiv(nanos, kNanosPerSecond);
  nanos -= FloorDiv(nanos, kNanosPerSecond) * kNanosPerSecond;
  if (seconds < kMinTimestampSeconds || seconds > kMaxTimestampSeconds) {
    return RangeError("timestamp");
  }
  return Value::Timestamp(seconds, static_cast<int32_t>(nanos));
}

Value MakeDuration(int64_t seconds, int64_t nanos) {
  seconds += nanos / kNanosPerSecond;
  nanos %= kNanosPerSecond;
  if (seconds > 0 && nanos < 0) {
    --seconds;
    nanos += kNanosPerSecond;
  } else if (seconds < 0 && nanos > 0) {
    ++seconds;
    nanos -= kNanosPerSecond;
  }
  // The total must fit in a signed 64-bit count of nanoseconds.
  Int128 total = static_cast<Int128>(seconds) * kNanosPerSecond + nanos;
  if (total > INT64_MAX || total < INT64_MIN) return RangeError("duration");
  return Value::Duration(seconds, static_cast<int32_t>(nanos));
}

Value ParseTimestamp(std::string_view text) {
  // RFC 3339: YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  const bool shape =
      text.size() >= 20 && ParseDigits(text, 0, 4, &year) && text[4] == '-' &&
      ParseDigits(text, 5, 2, &month) && text[7] == '-' && ParseDigits(text, 8, 2, &day) &&
      (text[10] == 'T' || text[10] == 't') && ParseDigits(text, 11, 2, &hour) && text[13] == ':' &&
      ParseDigits(text, 14, 2, &minute) && text[16] == ':' && ParseDigits(text, 17, 2, &second);
  if (!shape) return Value::Error("invalid timestamp '" + std::string(text) + "'");

  size_t pos = 19;
  int64_t nanos = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 9) nanos = nanos * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return Value::Error("invalid timestamp '" + std::string(text) + "'");
    for (int i = digits; i < 9; ++i) nanos *= 10;
  }

  int64_t offset = 0;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else {
    int64_t zone_hours = 0, zone_minutes = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') ||
        !ParseDigits(zone, 1, 2, &zone_hours) || zone[3] != ':' ||
        !ParseDigits(zone, 4, 2, &zone_minutes)) {
      return Value::Error("invalid timestamp '" + std::string(text) + "'");
    }
    offset = (zone_hours * 3600 + zone_minutes * 60) * (zone[0] == '-' ? -1 : 1);
  }

  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, static_cast<int>(month)) ||
      hour > 23 || minute > 59 || second > 60) {
    return Value::Error("invalid timestamp '" + std::string(text) + "'");
  }
  const int64_t seconds =
      DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day)) * 86400 + hour * 3600 +
      minute * 60 + second - offset;
  if (year < 1) return RangeError("timestamp");
  return MakeTimestamp(seconds, nanos);
}

Value ParseDuration(std::string_view text) {
  // Go's duration syntax: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with units ns, us, µs, ms, s, m, h.
  const std::string original(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text == "0") return Value::Duration(0, 0);
  if (text.empty()) return Value::Error("invalid duration '" + original + "'");

  Int128 total_nanos = 0;
  while (!text.empty()) {
    size_t pos = 0;
    Int128 whole = 0;
    bool digits = false;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      whole = whole * 10 + (text[pos++] - '0');
      digits = true;
      if (whole > (static_cast<Int128>(1) << 80)) return RangeError("duration");
    }
    Int128 fraction = 0;
    Int128 scale = 1;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (scale < static_cast<Int128>(1'000'000'000'000'000'000)) {
          fraction = fraction * 10 + (text[pos] - '0');
          scale *= 10;
        }
        ++pos;
        digits = true;
      }
    }
    if (!digits) return Value::Error("invalid duration '" + original + "'");

    size_t unit_end = pos;
    while (unit_end < text.size() && !(text[unit_end] >= '0' && text[unit_end] <= '9') &&
           text[unit_end] != '.') {
      ++unit_end;
    }
    const std::string_view unit = text.substr(pos, unit_end - pos);
    int64_t unit_nanos = 0;
    if (unit == "ns")
      unit_nanos = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      unit_nanos = 1000;
    else if (unit == "ms")
      unit_nanos = 1'000'000;
    else if (unit == "s")
      unit_nanos = kNanosPerSecond;
    else if (unit == "m")
      unit_nanos = 60 * kNanosPerSecond;
    else if (unit == "h")
      unit_nanos = 3600 * kNanosPerSecond;
    else
      return Value::Error("invalid duration '" + original + "': unknown unit");

    total_nanos += whole * unit_nanos + fraction * unit_nanos / scale;
    if (total_nanos > static_cast<Int128>(INT64_MAX) + 1) return RangeError("duration");
    text.remove_prefix(unit_end);
  }

  if (negative) total_nanos = -total_nanos;
  if (total_nanos > INT64_MAX || total_nanos < INT64_MIN) return RangeError("duration");
  const auto nanos = static_cast<int64_t>(total_nanos);
  return MakeDuration(nanos / kNanosPerSecond, nanos % kNanosPerSecond);
}

std::string FormatTimestamp(int64_t seconds, int32_t nanos) {
  const CivilTime civil = ToCivil(seconds);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04lld-%02d-%02dT%02d:%02d:%02d",
                static_cast<long long>(civil.year), civil.month, civil.day, civil.hour,
                civil.minute, civil.second);
  std::string out = buffer;
  if (nanos != 0) {
    std::snprintf(buffer, sizeof(buffer), ".%09d", nanos);
    std::string fraction = buffer;
    while (fraction.back() == '0') fraction.pop_back();
    out += fraction;
  }
  return out + "Z";
}

std::string FormatDuration(int64_t seconds, int32_t nanos) {
  std::string out;
  if (seconds < 0 || nanos < 0) {
    out = "-";
    seconds = -seconds;
    nanos = -nanos;
  }
  out += std::to_string(seconds);
  if (nanos != 0) {
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), ".%09d", nanos);
    std::string fraction = buffer;
    while (fraction.back() == '0') fraction.pop_back();
    out += fraction;
  }
  return out + "s";
}

}  // namespace ccspm::cel
