// Standard base64 (RFC 4648, with padding): how an AdmissionResponse carries its JSON Patch.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ccspm::webhook {

std::string Base64Encode(std::string_view bytes);

// Nothing when `text` is not padded standard base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace ccspm::webhook
