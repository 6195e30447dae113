// Time zones for the timestamp accessors (getHours('Europe/Paris'), ...).
//
// The engine does no I/O, so named zones come from an injected TimeZoneProvider; fixed offsets
// ("+05:30", "-02:00", "02:00") and "UTC" need none. TzifZone parses the bytes of a TZif file
// (RFC 8536) that a provider loaded, so a provider only has to find and read files.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ccspm::cel {

// Thread safety: implementations must be safe to call from many evaluations at once.
class TimeZoneProvider {
 public:
  virtual ~TimeZoneProvider() = default;
  // The UTC offset in seconds of zone `name` at `unix_seconds`, or nullopt for an unknown zone.
  virtual std::optional<int32_t> OffsetAt(std::string_view name, int64_t unix_seconds) const = 0;
};

// A zone parsed from TZif data: its transitions and the offsets between them.
class TzifZone {
 public:
  static Result<TzifZone> Parse(std::string_view data);
  int32_t OffsetAt(int64_t unix_seconds) const;

 private:
  std::vector<int64_t> transitions_;
  std::vector<uint8_t> transition_types_;
  std::vector<int32_t> type_offsets_;
  int32_t initial_offset_ = 0;
};

// The offset for `zone` at `unix_seconds`: a fixed offset, "UTC", or a name asked of `provider`
// (which may be null). nullopt when the zone is not understood.
std::optional<int32_t> ResolveZoneOffset(std::string_view zone, int64_t unix_seconds,
                                         const TimeZoneProvider* provider);

}  // namespace ccspm::cel
