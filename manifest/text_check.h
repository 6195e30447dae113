// The checks a manifest's bytes must pass before a YAML parser sees them.
//
// libyaml refuses bytes that are not UTF-8 and most control characters itself, but a chunk at a
// time and with a byte offset; a file of binary data or in another encoding is refused here
// first, as a whole, with a line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm::manifest {

// Bytes of a UTF-8 byte order mark at the start of `text` (0 or 3); the parser never sees it.
size_t ByteOrderMarkLength(std::string_view text);

// OK when `text` is UTF-8 text. Otherwise an invalid-input error that says why and where:
// "binary data (NUL byte) at line 1 column 9" or "invalid UTF-8 (byte 0xff) at line 2
// column 4". Also refuses UTF-16 and UTF-32 byte order marks, which kubectl does not read.
// When `error_at` is set, it receives the byte offset of the problem (0 for a byte order mark).
Status CheckText(std::string_view text, size_t* error_at = nullptr);

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD, for output formats
// that must be valid UTF-8 (file names come from the file system, not from checked text).
std::string ValidUtf8(std::string_view text);

// 1-based column of byte `offset` of `text`, counting characters from the start of its line.
int CharacterColumn(std::string_view text, size_t offset);

}  // namespace ccspm::manifest
