// The Kubernetes URL library: url(), isURL(), getScheme(), getHost(), getHostname(), getPort(),
// getEscapedPath() and getQuery(). Like Go's url.ParseRequestURI, a URL is absolute (with a
// scheme) or an absolute path.
#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

struct Url {
  std::string text;
  std::string scheme;
  std::string host;  // host[:port] as written, IPv6 in brackets.
  std::string path;
  std::string query;
};

class UrlObject : public OpaqueObject {
 public:
  explicit UrlObject(Url u) : url(std::move(u)) {}
  bool Equals(const OpaqueObject& other) const override {
    return url.text == static_cast<const UrlObject&>(other).url.text;
  }
  std::string ToString() const override { return url.text; }
  Url url;
};

bool IsSchemeChar(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

bool HasBadCharacters(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x21 || c == 0x7F) return true;
  }
  return false;
}

std::optional<Url> ParseUrl(std::string_view text) {
  if (text.empty() || HasBadCharacters(text)) return std::nullopt;
  Url url;
  url.text = std::string(text);
  std::string_view rest = text;
  if (const size_t hash = rest.find('#'); hash != std::string_view::npos) {
    rest = rest.substr(0, hash);
  }

  if (rest[0] != '/') {
    size_t colon = 0;
    while (colon < rest.size() && IsSchemeChar(rest[colon], colon == 0)) ++colon;
    if (colon == 0 || colon >= rest.size() || rest[colon] != ':') return std::nullopt;
    url.scheme = std::string(rest.substr(0, colon));
    rest.remove_prefix(colon + 1);
  }

  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const size_t end = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
      authority.remove_prefix(at + 1);
    }
    url.host = std::string(authority);
  } else if (url.scheme.empty() && !rest.starts_with("/")) {
    return std::nullopt;
  }

  const size_t question = rest.find('?');
  url.path = std::string(rest.substr(0, question));
  if (question != std::string_view::npos) url.query = std::string(rest.substr(question + 1));
  if (!url.scheme.empty() && url.host.empty() && url.path.empty()) return std::nullopt;
  return url;
}

const Url& UrlOf(const Value& v) { return static_cast<const UrlObject*>(v.opaque())->url; }

// Splits host[:port] into its parts; IPv6 hosts keep no brackets in `hostname`.
void SplitHost(const std::string& host, std::string* hostname, std::string* port) {
  if (host.starts_with("[")) {
    const size_t close = host.find(']');
    *hostname = host.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    if (close != std::string::npos && close + 1 < host.size() && host[close + 1] == ':') {
      *port = host.substr(close + 2);
    }
    return;
  }
  const size_t colon = host.rfind(':');
  *hostname = host.substr(0, colon);
  if (colon != std::string::npos) *port = host.substr(colon + 1);
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

Value MakeUrl(CallContext&, std::span<const Value> a) {
  std::optional<Url> url = ParseUrl(a[0].text());
  if (!url)
    return Value::Error("URL parse error during conversion from string: '" +
                        std::string(a[0].text()) + "'");
  return Value::Opaque(Kind::kURL, new UrlObject(std::move(*url)));
}

Value IsUrl(CallContext&, std::span<const Value> a) {
  return Value::Bool(ParseUrl(a[0].text()).has_value());
}

Value Scheme(CallContext&, std::span<const Value> a) { return Value::String(UrlOf(a[0]).scheme); }
Value Host(CallContext&, std::span<const Value> a) { return Value::String(UrlOf(a[0]).host); }

Value Hostname(CallContext&, std::span<const Value> a) {
  std::string hostname, port;
  SplitHost(UrlOf(a[0]).host, &hostname, &port);
  return Value::String(hostname);
}

Value Port(CallContext&, std::span<const Value> a) {
  std::string hostname, port;
  SplitHost(UrlOf(a[0]).host, &hostname, &port);
  return Value::String(port);
}

Value EscapedPath(CallContext&, std::span<const Value> a) {
  return Value::String(UrlOf(a[0]).path);
}

Value Query(CallContext&, std::span<const Value> a) {
  std::vector<std::pair<std::string, std::vector<Value>>> groups;
  std::string_view query = UrlOf(a[0]).query;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    const std::string key = Unescape(pair.substr(0, eq));
    const std::string value = eq == std::string_view::npos ? "" : Unescape(pair.substr(eq + 1));
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& group) { return group.first == key; });
    if (it == groups.end()) {
      groups.emplace_back(key, std::vector<Value>());
      it = groups.end() - 1;
    }
    it->second.push_back(Value::String(value));
  }
  std::vector<std::pair<Value, Value>> entries;
  for (auto& [key, values] : groups) {
    entries.emplace_back(Value::String(key), Value::List(std::move(values)));
  }
  return Value::Map(std::move(entries));
}

}  // namespace

void RegisterK8sUrls(FunctionRegistry& r) {
  r.Add("url", {Kind::kString}, false, MakeUrl);
  r.Add("isURL", {Kind::kString}, false, IsUrl);
  r.Add("getScheme", {Kind::kURL}, true, Scheme);
  r.Add("getHost", {Kind::kURL}, true, Host);
  r.Add("getHostname", {Kind::kURL}, true, Hostname);
  r.Add("getPort", {Kind::kURL}, true, Port);
  r.Add("getEscapedPath", {Kind::kURL}, true, EscapedPath);
  r.Add("getQuery", {Kind::kURL}, true, Query);
}

}  // namespace ccspm::cel
