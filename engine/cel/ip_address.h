// IP addresses and CIDR prefixes for the Kubernetes IP and CIDR libraries.
//
// Parsing is strict, like Go's net/netip: dotted IPv4 with no leading zeros, IPv6 with at most
// one "::", no zone ("%eth0"). Text follows RFC 5952 (lower case, longest zero run shortened).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ccspm::cel {

struct IpAddress {
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first 4.
  bool is_v4 = true;

  bool operator==(const IpAddress& other) const = default;
  std::string ToString() const;
  // The IPv4 address of an IPv4-mapped IPv6 address (::ffff:a.b.c.d); itself otherwise.
  IpAddress Unmapped() const;
  bool IsV4Mapped() const;
};

struct IpPrefix {
  IpAddress address;
  int length = 0;

  std::string ToString() const { return address.ToString() + "/" + std::to_string(length); }
  IpPrefix Masked() const;
  bool Contains(const IpAddress& ip) const;
};

std::optional<IpAddress> ParseIpAddress(std::string_view text);
std::optional<IpPrefix> ParseIpPrefix(std::string_view text);

}  // namespace ccspm::cel
