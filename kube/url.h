// Percent-encoding for paths and query strings sent to the API server.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ccspm::kube {

// Escapes every byte except RFC 3986 unreserved characters, so the result is safe as one path
// segment or one query value.
std::string PercentEncode(std::string_view text);

// Builds "?a=1&b=2" from pairs, skipping pairs whose value is empty. Returns "" when none remain.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace ccspm::kube
