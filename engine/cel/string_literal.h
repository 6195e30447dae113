// Decoding of CEL string and bytes literals (quotes, raw prefixes, escape sequences).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ccspm::cel {

struct LiteralResult {
  bool ok = false;
  size_t length = 0;        // Bytes of source consumed, prefix and quotes included.
  std::string value;        // Decoded text (UTF-8 for strings, raw bytes for bytes).
  std::string error;        // Reason when !ok.
  size_t error_offset = 0;  // Offset of the problem relative to the literal's start.
};

// Decodes the literal that starts at `source[0]` (a prefix letter or a quote). `is_bytes` and
// `is_raw` come from the prefix letters the lexer already consumed (`prefix_length` bytes).
LiteralResult DecodeLiteral(std::string_view source, size_t prefix_length, bool is_bytes,
                            bool is_raw);

}  // namespace ccspm::cel
