// Base64 decoding for the *-data fields of a kubeconfig.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm::kube {

// Decodes standard base64 (RFC 4648, with or without padding). Whitespace is skipped, since
// kubeconfigs often wrap long values; any other byte outside the alphabet is kInvalid.
Result<std::string> DecodeBase64(std::string_view text);

}  // namespace ccspm::kube
