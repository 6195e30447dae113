// Structured logs: one JSON object per line on stderr, a constant message, snake_case keys.
//
// Logs are for diagnosis; outcomes people act on are metrics, Events and status conditions.
// Every key comes from log_keys.h so one spelling is used everywhere. Thread-safe: each line is
// written whole under a mutex. The pure engine never logs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>

#include "base/log_keys.h"

namespace ccspm::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(std::string(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string(v)) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  Field(std::string_view k, int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(static_cast<int64_t>(v)) {}
  Field(std::string_view k, uint64_t v) : key(k), value(static_cast<int64_t>(v)) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}

  std::string_view key;
  std::variant<std::string, int64_t, double, bool> value;
};

// Lines below `level` are dropped. Default: kInfo.
void SetLevel(Level level);

// Parses "debug", "info", "warn" or "error"; false when the name is unknown.
bool ParseLevel(std::string_view name, Level* level);

// Redirects output (tests); nullptr restores stderr. The stream must outlive its use.
void SetSink(std::ostream* sink);

void Write(Level level, std::string_view message, std::initializer_list<Field> fields);

inline void Debug(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kDebug, m, f);
}
inline void Info(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kInfo, m, f);
}
inline void Warn(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kWarn, m, f);
}
inline void Error(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kError, m, f);
}

}  // namespace ccspm::log
