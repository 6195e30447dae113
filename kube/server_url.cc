#include "kube/server_url.h"

#include <charconv>

namespace ccspm::kube {

Result<ServerUrl> ParseServerUrl(std::string_view url) {
  const std::string_view kScheme = "https://";
  std::string quoted = "server URL \"" + std::string(url) + "\"";
  if (url.substr(0, kScheme.size()) != kScheme) return InvalidError(quoted + " is not https://");
  std::string_view rest = url.substr(kScheme.size());

  ServerUrl parsed;
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) parsed.path_prefix = std::string(rest.substr(slash));
  while (!parsed.path_prefix.empty() && parsed.path_prefix.back() == '/') {
    parsed.path_prefix.pop_back();
  }
  if (authority.find('@') != std::string_view::npos ||
      parsed.path_prefix.find_first_of("?#") != std::string::npos) {
    return InvalidError(quoted + " has user info, a query or a fragment");
  }

  // "[v6]:port", "[v6]", "host:port" or "host".
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return InvalidError(quoted + " has an unclosed '['");
    parsed.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return InvalidError(quoted + " is malformed");
    if (!after.empty()) port_text = after.substr(1);
  } else {
    size_t colon = authority.rfind(':');
    parsed.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (parsed.host.empty()) return InvalidError(quoted + " has no host");

  if (!port_text.empty()) {
    auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), parsed.port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || parsed.port < 1 ||
        parsed.port > 65535) {
      return InvalidError(quoted + " has a bad port");
    }
  }
  return parsed;
}

}  // namespace ccspm::kube
