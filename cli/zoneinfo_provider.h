// The CEL engine's named time zones for the CLI and test runners: a TimeZoneProvider that
// reads TZif files from a zoneinfo directory (/usr/share/zoneinfo), caching each zone after
// its first use. Thread-safe (a mutex guards the cache).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "engine/cel/time_zone.h"

namespace ccspm::cli {

class ZoneinfoProvider : public cel::TimeZoneProvider {
 public:
  explicit ZoneinfoProvider(std::string directory) : directory_(std::move(directory)) {}
  std::optional<int32_t> OffsetAt(std::string_view name, int64_t unix_seconds) const override;

 private:
  std::string directory_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::optional<cel::TzifZone>, std::less<>> zones_;  // by mutex_
};

}  // namespace ccspm::cli
