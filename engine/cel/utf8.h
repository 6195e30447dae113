// UTF-8 helpers for CEL strings, which are sequences of Unicode code points.
//
// CEL string functions count and index by code point. Text that reaches the engine from JSON is
// not guaranteed to be valid UTF-8; these helpers never read past the end of their input and
// treat each invalid byte as one code point (U+FFFD), so a bad document gives wrong-looking text,
// never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ccspm::cel {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `text[*pos]` and advances `*pos` past it. An invalid or truncated
// sequence yields kReplacementChar and advances by one byte.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (which must be a valid scalar value).
void AppendUtf8(char32_t code_point, std::string* out);

// Number of code points in `text`.
size_t CodePointCount(std::string_view text);

// Byte offset of code point number `index`, or text.size() when index is at or past the end.
size_t ByteOffsetOfCodePoint(std::string_view text, size_t index);

}  // namespace ccspm::cel
