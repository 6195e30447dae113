// Base64 (RFC 4648, standard alphabet), the one implementation every layer uses: kubeconfig
// data fields, AdmissionReview patches, CEL's base64 library and bytes in JSON.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm {

// Encodes with '=' padding.
std::string Base64Encode(std::string_view bytes);

// Decodes text with full padding or none at all ("QUI=" and "QUI" are both "AB"). ASCII
// whitespace is skipped, since kubeconfigs and PEM-like values wrap long lines. Partial padding,
// data after padding, or a byte outside the alphabet is kInvalid.
Result<std::string> Base64Decode(std::string_view text);

}  // namespace ccspm
