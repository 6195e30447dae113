#include "engine/cel/ip_address.h"

#include <cstdio>
#include <vector>

namespace ccspm::cel {

namespace {

std::optional<std::array<uint8_t, 4>> ParseV4(std::string_view text) {
  std::array<uint8_t, 4> out{};
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= text.size() || text[pos] != '.') return std::nullopt;
      ++pos;
    }
    const size_t start = pos;
    int value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3) {
      value = value * 10 + (text[pos++] - '0');
    }
    const size_t digits = pos - start;
    if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return std::nullopt;
    out[part] = static_cast<uint8_t>(value);
  }
  if (pos != text.size()) return std::nullopt;
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<IpAddress> ParseV6(std::string_view text) {
  std::vector<uint16_t> head, tail;
  std::vector<uint16_t>* groups = &head;
  bool compressed = false;
  size_t pos = 0;
  std::optional<std::array<uint8_t, 4>> trailing_v4;

  if (text.starts_with("::")) {
    compressed = true;
    groups = &tail;
    pos = 2;
  }
  while (pos < text.size()) {
    const size_t start = pos;
    // A dotted IPv4 may end the address.
    const size_t next_colon = text.find(':', pos);
    const std::string_view rest = text.substr(
        pos, next_colon == std::string_view::npos ? std::string_view::npos : next_colon - pos);
    if (rest.find('.') != std::string_view::npos) {
      if (next_colon != std::string_view::npos) return std::nullopt;
      trailing_v4 = ParseV4(rest);
      if (!trailing_v4) return std::nullopt;
      pos = text.size();
      break;
    }
    uint32_t value = 0;
    while (pos < text.size() && HexValue(text[pos]) >= 0 && pos - start < 4) {
      value = value * 16 + HexValue(text[pos++]);
    }
    if (pos == start) return std::nullopt;
    groups->push_back(static_cast<uint16_t>(value));
    if (pos == text.size()) break;
    if (text[pos] != ':') return std::nullopt;
    ++pos;
    if (pos < text.size() && text[pos] == ':') {
      if (compressed) return std::nullopt;
      compressed = true;
      groups = &tail;
      ++pos;
    } else if (pos == text.size()) {
      return std::nullopt;
    }
  }

  const size_t v4_groups = trailing_v4 ? 2 : 0;
  const size_t total = head.size() + tail.size() + v4_groups;
  if (total > 8 || (!compressed && total != 8) || (compressed && total == 8)) return std::nullopt;

  IpAddress address;
  address.is_v4 = false;
  std::vector<uint16_t> all = head;
  all.resize(8 - tail.size() - v4_groups, 0);
  all.insert(all.end(), tail.begin(), tail.end());
  for (size_t i = 0; i < all.size(); ++i) {
    address.bytes[2 * i] = static_cast<uint8_t>(all[i] >> 8);
    address.bytes[2 * i + 1] = static_cast<uint8_t>(all[i] & 0xFF);
  }
  if (trailing_v4) {
    for (int i = 0; i < 4; ++i) address.bytes[12 + i] = (*trailing_v4)[i];
  }
  return address;
}

}  // namespace

bool IpAddress::IsV4Mapped() const {
  if (is_v4) return false;
  for (int i = 0; i < 10; ++i) {
    if (bytes[i] != 0) return false;
  }
  return bytes[10] == 0xFF && bytes[11] == 0xFF;
}

IpAddress IpAddress::Unmapped() const {
  if (!IsV4Mapped()) return *this;
  IpAddress v4;
  for (int i = 0; i < 4; ++i) v4.bytes[i] = bytes[12 + i];
  return v4;
}

std::string IpAddress::ToString() const {
  char buffer[64];
  if (is_v4) {
    std::snprintf(buffer, sizeof(buffer), "%d.%d.%d.%d", bytes[0], bytes[1], bytes[2], bytes[3]);
    return buffer;
  }
  uint16_t groups[8];
  for (int i = 0; i < 8; ++i)
    groups[i] = static_cast<uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);

  // The longest run of two or more zero groups (the first one on a tie) becomes "::".
  int best_start = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }

  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ":";
    std::snprintf(buffer, sizeof(buffer), "%x", groups[i]);
    out += buffer;
  }
  return out;
}

IpPrefix IpPrefix::Masked() const {
  IpPrefix masked = *this;
  const int bits = address.is_v4 ? 32 : 128;
  for (int bit = length; bit < bits; ++bit) {
    masked.address.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80 >> (bit % 8)));
  }
  return masked;
}

bool IpPrefix::Contains(const IpAddress& ip) const {
  const IpAddress candidate = ip.Unmapped();
  if (candidate.is_v4 != address.is_v4) return false;
  IpPrefix probe{candidate, length};
  return probe.Masked().address == Masked().address;
}

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  if (text.find(':') == std::string_view::npos) {
    std::optional<std::array<uint8_t, 4>> v4 = ParseV4(text);
    if (!v4) return std::nullopt;
    IpAddress address;
    for (int i = 0; i < 4; ++i) address.bytes[i] = (*v4)[i];
    return address;
  }
  return ParseV6(text);
}

std::optional<IpPrefix> ParseIpPrefix(std::string_view text) {
  const size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::optional<IpAddress> address = ParseIpAddress(text.substr(0, slash));
  if (!address) return std::nullopt;
  const std::string_view digits = text.substr(slash + 1);
  if (digits.empty() || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0')) {
    return std::nullopt;
  }
  int length = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    length = length * 10 + (c - '0');
  }
  if (length > (address->is_v4 ? 32 : 128)) return std::nullopt;
  return IpPrefix{*address, length};
}

}  // namespace ccspm::cel
