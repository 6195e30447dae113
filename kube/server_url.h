// The parts of a cluster's server URL that a connection needs.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm::kube {

struct ServerUrl {
  std::string host;  // Without brackets for IPv6 literals.
  int port = 443;
  std::string path_prefix;  // "" or "/some/prefix" (an API server behind a path-routing proxy).
};

// Parses "https://host[:port][/prefix]". Other schemes, user info, queries and bad ports are
// kInvalid.
Result<ServerUrl> ParseServerUrl(std::string_view url);

}  // namespace ccspm::kube
