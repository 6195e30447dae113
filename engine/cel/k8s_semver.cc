// The Kubernetes semver library: semver(), isSemver() (both with an optional "normalize" flag
// that accepts a leading "v", missing minor/patch and leading zeros), major(), minor(), patch(),
// isLessThan(), isGreaterThan(), compareTo(). Ordering follows Semantic Versioning 2.0.
#include <optional>
#include <vector>

#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

struct Semver {
  uint64_t major = 0, minor = 0, patch = 0;
  std::vector<std::string> prerelease;
  std::string build;
  std::string ToString() const {
    std::string out =
        std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
    for (size_t i = 0; i < prerelease.size(); ++i) out += (i == 0 ? "-" : ".") + prerelease[i];
    if (!build.empty()) out += "+" + build;
    return out;
  }
};

bool IsNumeric(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::optional<uint64_t> Number(std::string_view s, bool normalize) {
  if (!IsNumeric(s) || s.size() > 19) return std::nullopt;
  if (!normalize && s.size() > 1 && s[0] == '0') return std::nullopt;
  uint64_t value = 0;
  for (char c : s) value = value * 10 + static_cast<uint64_t>(c - '0');
  return value;
}

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

std::optional<Semver> ParseSemver(std::string_view text, bool normalize) {
  if (normalize && text.starts_with("v")) text.remove_prefix(1);
  Semver v;
  if (const size_t plus = text.find('+'); plus != std::string_view::npos) {
    v.build = std::string(text.substr(plus + 1));
    for (std::string_view part : SplitDots(v.build)) {
      if (!IsIdentifier(part)) return std::nullopt;
    }
    text = text.substr(0, plus);
  }
  if (const size_t dash = text.find('-'); dash != std::string_view::npos) {
    for (std::string_view part : SplitDots(text.substr(dash + 1))) {
      if (!IsIdentifier(part)) return std::nullopt;
      if (IsNumeric(part) && part.size() > 1 && part[0] == '0') return std::nullopt;
      v.prerelease.emplace_back(part);
    }
    text = text.substr(0, dash);
  }
  std::vector<std::string_view> core = SplitDots(text);
  if (normalize) {
    while (core.size() < 3) core.push_back("0");
  }
  if (core.size() != 3) return std::nullopt;
  std::optional<uint64_t> major = Number(core[0], normalize);
  std::optional<uint64_t> minor = Number(core[1], normalize);
  std::optional<uint64_t> patch = Number(core[2], normalize);
  if (!major || !minor || !patch) return std::nullopt;
  v.major = *major;
  v.minor = *minor;
  v.patch = *patch;
  return v;
}

int ComparePrerelease(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return a.empty() == b.empty() ? 0 : (a.empty() ? 1 : -1);
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const bool na = IsNumeric(a[i]), nb = IsNumeric(b[i]);
    if (na && nb) {
      if (a[i].size() != b[i].size()) return a[i].size() < b[i].size() ? -1 : 1;
    } else if (na != nb) {
      return na ? -1 : 1;
    }
    if (const int c = a[i].compare(b[i]); c != 0) return c < 0 ? -1 : 1;
  }
  return (a.size() > b.size()) - (a.size() < b.size());
}

int Compare(const Semver& a, const Semver& b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch != b.patch) return a.patch < b.patch ? -1 : 1;
  return ComparePrerelease(a.prerelease, b.prerelease);
}

class SemverObject : public OpaqueObject {
 public:
  explicit SemverObject(Semver v) : version(std::move(v)) {}
  bool Equals(const OpaqueObject& other) const override {
    return Compare(version, static_cast<const SemverObject&>(other).version) == 0;
  }
  std::string ToString() const override { return version.ToString(); }
  Semver version;
};

const Semver& V(const Value& v) { return static_cast<const SemverObject*>(v.opaque())->version; }

Value Make(CallContext&, std::span<const Value> a) {
  const bool normalize = a.size() > 1 && a[1].bool_value();
  std::optional<Semver> v = ParseSemver(a[0].text(), normalize);
  if (!v) return Value::Error("invalid semver '" + std::string(a[0].text()) + "'");
  return Value::Opaque(Kind::kSemver, new SemverObject(std::move(*v)));
}

Value IsSemver(CallContext&, std::span<const Value> a) {
  const bool normalize = a.size() > 1 && a[1].bool_value();
  return Value::Bool(ParseSemver(a[0].text(), normalize).has_value());
}

Value Major(CallContext&, std::span<const Value> a) {
  return Value::Int(static_cast<int64_t>(V(a[0]).major));
}
Value Minor(CallContext&, std::span<const Value> a) {
  return Value::Int(static_cast<int64_t>(V(a[0]).minor));
}
Value Patch(CallContext&, std::span<const Value> a) {
  return Value::Int(static_cast<int64_t>(V(a[0]).patch));
}
Value IsLessThan(CallContext&, std::span<const Value> a) {
  return Value::Bool(Compare(V(a[0]), V(a[1])) < 0);
}
Value IsGreaterThan(CallContext&, std::span<const Value> a) {
  return Value::Bool(Compare(V(a[0]), V(a[1])) > 0);
}
Value CompareTo(CallContext&, std::span<const Value> a) {
  return Value::Int(Compare(V(a[0]), V(a[1])));
}

}  // namespace

void RegisterK8sSemver(FunctionRegistry& r) {
  const Kind s = Kind::kSemver;
  r.Add("semver", {Kind::kString}, false, Make);
  r.Add("semver", {Kind::kString, Kind::kBool}, false, Make);
  r.Add("isSemver", {Kind::kString}, false, IsSemver);
  r.Add("isSemver", {Kind::kString, Kind::kBool}, false, IsSemver);
  r.Add("major", {s}, true, Major);
  r.Add("minor", {s}, true, Minor);
  r.Add("patch", {s}, true, Patch);
  r.Add("isLessThan", {s, s}, true, IsLessThan);
  r.Add("isGreaterThan", {s, s}, true, IsGreaterThan);
  r.Add("compareTo", {s, s}, true, CompareTo);
}

}  // namespace ccspm::cel
