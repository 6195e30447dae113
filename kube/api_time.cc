#include "kube/api_time.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace ccspm::kube {
namespace {

// `now` in UTC as "YYYY-MM-DDTHH:MM:SS", the part both formats share.
std::string Seconds(std::chrono::system_clock::time_point now) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return text;
}

}  // namespace

std::string Rfc3339Now() { return Seconds(std::chrono::system_clock::now()) + "Z"; }

std::string MicroTimeNow() {
  const auto now = std::chrono::system_clock::now();
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch() %
                                                                            std::chrono::seconds(1))
                          .count();
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%06lldZ", static_cast<long long>(micros));
  return Seconds(now) + fraction;
}

}  // namespace ccspm::kube
