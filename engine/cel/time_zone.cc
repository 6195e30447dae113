#include "engine/cel/time_zone.h"

#include <algorithm>

namespace ccspm::cel {

namespace {

// Reads a big-endian integer of `bytes` bytes at data[pos].
int64_t ReadBigEndian(std::string_view data, size_t pos, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(data[pos + i]);
  if (bytes == 4) return static_cast<int32_t>(static_cast<uint32_t>(value));
  return static_cast<int64_t>(value);
}

struct TzifCounts {
  int64_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

bool ReadCounts(std::string_view data, size_t pos, TzifCounts* counts) {
  if (pos + 44 > data.size() || data.substr(pos, 4) != "TZif") return false;
  counts->isutcnt = ReadBigEndian(data, pos + 20, 4);
  counts->isstdcnt = ReadBigEndian(data, pos + 24, 4);
  counts->leapcnt = ReadBigEndian(data, pos + 28, 4);
  counts->timecnt = ReadBigEndian(data, pos + 32, 4);
  counts->typecnt = ReadBigEndian(data, pos + 36, 4);
  counts->charcnt = ReadBigEndian(data, pos + 40, 4);
  return counts->timecnt >= 0 && counts->typecnt > 0 && counts->charcnt >= 0 &&
         counts->leapcnt >= 0 && counts->isutcnt >= 0 && counts->isstdcnt >= 0;
}

int64_t BlockSize(const TzifCounts& c, int time_size) {
  return c.timecnt * time_size + c.timecnt + c.typecnt * 6 + c.charcnt +
         c.leapcnt * (time_size + 4) + c.isstdcnt + c.isutcnt;
}

// "+05:30", "-02:00", "02:00", "-00:00".
std::optional<int32_t> FixedOffset(std::string_view zone) {
  int sign = 1;
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    sign = zone[0] == '-' ? -1 : 1;
    zone.remove_prefix(1);
  }
  if (zone.size() != 5 || zone[2] != ':') return std::nullopt;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (zone[i] < '0' || zone[i] > '9') return std::nullopt;
  }
  const int hours = (zone[0] - '0') * 10 + (zone[1] - '0');
  const int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

}  // namespace

Result<TzifZone> TzifZone::Parse(std::string_view data) {
  TzifCounts counts;
  if (!ReadCounts(data, 0, &counts)) return InvalidError("not TZif data");
  const char version = data[4];

  // Version 2+ files repeat the data with 64-bit times after the version 1 block.
  size_t pos = 44;
  int time_size = 4;
  if (version >= '2') {
    pos += BlockSize(counts, 4);
    if (!ReadCounts(data, pos, &counts)) return InvalidError("truncated TZif data");
    pos += 44;
    time_size = 8;
  }
  if (static_cast<int64_t>(data.size() - std::min(pos, data.size())) <
      BlockSize(counts, time_size)) {
    return InvalidError("truncated TZif data");
  }

  TzifZone zone;
  for (int64_t i = 0; i < counts.timecnt; ++i) {
    zone.transitions_.push_back(ReadBigEndian(data, pos + i * time_size, time_size));
  }
  pos += counts.timecnt * time_size;
  for (int64_t i = 0; i < counts.timecnt; ++i) {
    const auto type = static_cast<uint8_t>(data[pos + i]);
    if (type >= counts.typecnt) return InvalidError("bad TZif transition type");
    zone.transition_types_.push_back(type);
  }
  pos += counts.timecnt;
  for (int64_t i = 0; i < counts.typecnt; ++i) {
    zone.type_offsets_.push_back(static_cast<int32_t>(ReadBigEndian(data, pos + i * 6, 4)));
  }
  zone.initial_offset_ = zone.type_offsets_[0];
  return zone;
}

int32_t TzifZone::OffsetAt(int64_t unix_seconds) const {
  // Limitation: instants after the last transition use the last offset, without evaluating the
  // TZif footer's POSIX rule, because that rule language is a parser of its own.
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), unix_seconds);
  if (it == transitions_.begin()) return initial_offset_;
  return type_offsets_[transition_types_[it - transitions_.begin() - 1]];
}

std::optional<int32_t> ResolveZoneOffset(std::string_view zone, int64_t unix_seconds,
                                         const TimeZoneProvider* provider) {
  if (zone == "UTC" || zone == "Z") return 0;
  if (std::optional<int32_t> fixed = FixedOffset(zone)) return fixed;
  if (provider == nullptr) return std::nullopt;
  return provider->OffsetAt(zone, unix_seconds);
}

}  // namespace ccspm::cel
