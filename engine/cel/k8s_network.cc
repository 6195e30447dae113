// The Kubernetes IP and CIDR libraries: ip(), isIP(), ip.isCanonical(), family(),
// isUnspecified(), isLoopback(), isLinkLocalMulticast(), isLinkLocalUnicast(),
// isGlobalUnicast(), cidr(), isCIDR(), containsIP(), containsCIDR(), ip(), masked(),
// prefixLength(), and string() of both.
#include "engine/cel/ip_address.h"
#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

class IpObject : public OpaqueObject {
 public:
  explicit IpObject(IpAddress a) : address(a) {}
  bool Equals(const OpaqueObject& other) const override {
    return address.Unmapped() == static_cast<const IpObject&>(other).address.Unmapped();
  }
  std::string ToString() const override { return address.ToString(); }
  IpAddress address;
};

class CidrObject : public OpaqueObject {
 public:
  explicit CidrObject(IpPrefix p) : prefix(p) {}
  bool Equals(const OpaqueObject& other) const override {
    const IpPrefix& o = static_cast<const CidrObject&>(other).prefix;
    return prefix.address == o.address && prefix.length == o.length;
  }
  std::string ToString() const override { return prefix.ToString(); }
  IpPrefix prefix;
};

const IpAddress& AddressOf(const Value& v) {
  return static_cast<const IpObject*>(v.opaque())->address;
}
const IpPrefix& PrefixOf(const Value& v) {
  return static_cast<const CidrObject*>(v.opaque())->prefix;
}

Value MakeIp(const IpAddress& a) { return Value::Opaque(Kind::kIP, new IpObject(a)); }
Value MakeCidr(const IpPrefix& p) { return Value::Opaque(Kind::kCIDR, new CidrObject(p)); }

// Parses an IP for ip() and friends; on failure returns false with *error set.
bool ParseIp(std::string_view text, IpAddress* out, Value* error) {
  if (text.find('%') != std::string_view::npos) {
    *error = Value::Error("IP Address with zone value is not allowed");
    return false;
  }
  std::optional<IpAddress> parsed = ParseIpAddress(text);
  if (!parsed) {
    *error = Value::Error("IP Address '" + std::string(text) +
                          "' parse error during conversion from string");
    return false;
  }
  if (parsed->IsV4Mapped() && text.find('.') != std::string_view::npos) {
    *error = Value::Error("IPv4-mapped IPv6 address is not allowed");
    return false;
  }
  *out = *parsed;
  return true;
}

bool ParseCidr(std::string_view text, IpPrefix* out, Value* error) {
  if (text.find('%') != std::string_view::npos) {
    *error = Value::Error("CIDR with zone value is not allowed");
    return false;
  }
  std::optional<IpPrefix> parsed = ParseIpPrefix(text);
  if (!parsed) {
    *error = Value::Error("network address parse error during conversion from string: '" +
                          std::string(text) + "'");
    return false;
  }
  if (parsed->address.IsV4Mapped() && text.find('.') != std::string_view::npos) {
    *error = Value::Error("IPv4-mapped IPv6 address is not allowed");
    return false;
  }
  *out = *parsed;
  return true;
}

Value Ip(CallContext&, std::span<const Value> a) {
  IpAddress address;
  Value error;
  if (!ParseIp(a[0].text(), &address, &error)) return error;
  return MakeIp(address);
}

Value IsIp(CallContext&, std::span<const Value> a) {
  IpAddress address;
  Value error;
  return Value::Bool(ParseIp(a[0].text(), &address, &error));
}

Value IsCanonical(CallContext&, std::span<const Value> a) {
  IpAddress address;
  Value error;
  if (!ParseIp(a[0].text(), &address, &error)) return error;
  return Value::Bool(address.ToString() == a[0].text());
}

Value Family(CallContext&, std::span<const Value> a) {
  return Value::Int(AddressOf(a[0]).is_v4 ? 4 : 6);
}

Value IsUnspecified(CallContext&, std::span<const Value> a) {
  const IpAddress& ip = AddressOf(a[0]);
  for (int i = 0; i < (ip.is_v4 ? 4 : 16); ++i) {
    if (ip.bytes[i] != 0) return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value IsLoopback(CallContext&, std::span<const Value> a) {
  const IpAddress ip = AddressOf(a[0]).Unmapped();
  if (ip.is_v4) return Value::Bool(ip.bytes[0] == 127);
  for (int i = 0; i < 15; ++i) {
    if (ip.bytes[i] != 0) return Value::Bool(false);
  }
  return Value::Bool(ip.bytes[15] == 1);
}

Value IsLinkLocalMulticast(CallContext&, std::span<const Value> a) {
  const IpAddress ip = AddressOf(a[0]).Unmapped();
  if (ip.is_v4) return Value::Bool(ip.bytes[0] == 224 && ip.bytes[1] == 0 && ip.bytes[2] == 0);
  return Value::Bool(ip.bytes[0] == 0xFF && (ip.bytes[1] & 0x0F) == 0x02);
}

Value IsLinkLocalUnicast(CallContext&, std::span<const Value> a) {
  const IpAddress ip = AddressOf(a[0]).Unmapped();
  if (ip.is_v4) return Value::Bool(ip.bytes[0] == 169 && ip.bytes[1] == 254);
  return Value::Bool(ip.bytes[0] == 0xFE && (ip.bytes[1] & 0xC0) == 0x80);
}

Value IsGlobalUnicast(CallContext& context, std::span<const Value> a) {
  const IpAddress ip = AddressOf(a[0]).Unmapped();
  if (ip.is_v4) {
    const bool broadcast =
        ip.bytes[0] == 255 && ip.bytes[1] == 255 && ip.bytes[2] == 255 && ip.bytes[3] == 255;
    if (broadcast || ip.bytes[0] >= 224) return Value::Bool(false);
  } else if (ip.bytes[0] == 0xFF) {
    return Value::Bool(false);
  }
  const bool special = IsUnspecified(context, a).bool_value() ||
                       IsLoopback(context, a).bool_value() ||
                       IsLinkLocalUnicast(context, a).bool_value();
  return Value::Bool(!special);
}

Value Cidr(CallContext&, std::span<const Value> a) {
  IpPrefix prefix;
  Value error;
  if (!ParseCidr(a[0].text(), &prefix, &error)) return error;
  return MakeCidr(prefix);
}

Value IsCidr(CallContext&, std::span<const Value> a) {
  IpPrefix prefix;
  Value error;
  return Value::Bool(ParseCidr(a[0].text(), &prefix, &error));
}

Value ContainsIp(CallContext&, std::span<const Value> a) {
  IpAddress address;
  if (a[1].kind() == Kind::kString) {
    Value error;
    if (!ParseIp(a[1].text(), &address, &error)) return error;
  } else {
    address = AddressOf(a[1]);
  }
  return Value::Bool(PrefixOf(a[0]).Contains(address));
}

Value ContainsCidr(CallContext&, std::span<const Value> a) {
  IpPrefix other;
  if (a[1].kind() == Kind::kString) {
    Value error;
    if (!ParseCidr(a[1].text(), &other, &error)) return error;
  } else {
    other = PrefixOf(a[1]);
  }
  const IpPrefix& prefix = PrefixOf(a[0]);
  return Value::Bool(other.length >= prefix.length && prefix.Contains(other.address));
}

Value CidrIp(CallContext&, std::span<const Value> a) { return MakeIp(PrefixOf(a[0]).address); }
Value Masked(CallContext&, std::span<const Value> a) { return MakeCidr(PrefixOf(a[0]).Masked()); }
Value PrefixLength(CallContext&, std::span<const Value> a) {
  return Value::Int(PrefixOf(a[0]).length);
}

}  // namespace

void RegisterK8sNetwork(FunctionRegistry& r) {
  r.Add("ip", {Kind::kString}, false, Ip);
  r.Add("isIP", {Kind::kString}, false, IsIp);
  r.Add("ip.isCanonical", {Kind::kString}, false, IsCanonical);
  r.Add("family", {Kind::kIP}, true, Family);
  r.Add("isUnspecified", {Kind::kIP}, true, IsUnspecified);
  r.Add("isLoopback", {Kind::kIP}, true, IsLoopback);
  r.Add("isLinkLocalMulticast", {Kind::kIP}, true, IsLinkLocalMulticast);
  r.Add("isLinkLocalUnicast", {Kind::kIP}, true, IsLinkLocalUnicast);
  r.Add("isGlobalUnicast", {Kind::kIP}, true, IsGlobalUnicast);
  r.Add("cidr", {Kind::kString}, false, Cidr);
  r.Add("isCIDR", {Kind::kString}, false, IsCidr);
  r.Add("containsIP", {Kind::kCIDR, Kind::kIP}, true, ContainsIp);
  r.Add("containsIP", {Kind::kCIDR, Kind::kString}, true, ContainsIp);
  r.Add("containsCIDR", {Kind::kCIDR, Kind::kCIDR}, true, ContainsCidr);
  r.Add("containsCIDR", {Kind::kCIDR, Kind::kString}, true, ContainsCidr);
  r.Add("ip", {Kind::kCIDR}, true, CidrIp);
  r.Add("masked", {Kind::kCIDR}, true, Masked);
  r.Add("prefixLength", {Kind::kCIDR}, true, PrefixLength);
}

}  // namespace ccspm::cel
