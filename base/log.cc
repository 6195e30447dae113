#include "base/log.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>

#include "base/json_text.h"

namespace ccspm::log {
namespace {

std::atomic<int> min_level{static_cast<int>(Level::kInfo)};
std::mutex sink_mutex;
std::ostream* sink = nullptr;  // Guarded by sink_mutex; nullptr means std::cerr.

const char* LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

std::string UtcTimestamp() {
  auto now = std::chrono::system_clock::now();
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis % 1000));
  return text;
}

void AppendValue(std::string& line, const Field& field) {
  if (const auto* text = std::get_if<std::string>(&field.value)) {
    AppendJsonString(line, *text);
  } else if (const auto* integer = std::get_if<int64_t>(&field.value)) {
    line += std::to_string(*integer);
  } else if (const auto* real = std::get_if<double>(&field.value)) {
    line += std::to_string(*real);
  } else {
    line += std::get<bool>(field.value) ? "true" : "false";
  }
}

}  // namespace

void SetLevel(Level level) { min_level = static_cast<int>(level); }

bool ParseLevel(std::string_view name, Level* level) {
  for (Level candidate : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
    if (name == LevelName(candidate)) {
      *level = candidate;
      return true;
    }
  }
  return false;
}

void SetSink(std::ostream* new_sink) {
  std::lock_guard<std::mutex> lock(sink_mutex);
  sink = new_sink;
}

void Write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (static_cast<int>(level) < min_level) return;

  std::string line =
      "{\"ts\":\"" + UtcTimestamp() + "\",\"level\":\"" + LevelName(level) + "\",\"msg\":";
  AppendJsonString(line, message);
  for (const Field& field : fields) {
    line += ',';
    AppendJsonString(line, field.key);
    line += ':';
    AppendValue(line, field);
  }
  line += "}\n";

  std::lock_guard<std::mutex> lock(sink_mutex);
  std::ostream& out = sink ? *sink : std::cerr;
  out << line;
  out.flush();
}

}  // namespace ccspm::log
