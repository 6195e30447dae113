#include "manifest/text_check.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "manifest/byte_scan.h"

namespace ccspm::manifest {
namespace {

// Length of the UTF-8 sequence at `text[i]`, or 0 when it is not valid UTF-8 (overlong forms,
// surrogates and code points past U+10FFFF included).
size_t SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;

  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }

  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::string Where(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset; ++i) line += text[i] == '\n' ? 1 : 0;
  return "line " + std::to_string(line) + " column " +
         std::to_string(CharacterColumn(text, offset));
}

}  // namespace

size_t ByteOrderMarkLength(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

Status CheckText(std::string_view text, size_t* error_at) {
  if (error_at != nullptr) *error_at = 0;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
      text.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return InvalidError("UTF-16 or UTF-32 text; convert it to UTF-8");
  }

  for (size_t i = ByteOrderMarkLength(text); i < text.size();) {
    // Most manifests are mostly ASCII: pass it a block at a time.
    i += AsciiPrefix(text.data() + i, text.data() + text.size());
    if (i == text.size()) break;
    if ((text[i] == '\0' || SequenceLength(text, i) == 0) && error_at != nullptr) *error_at = i;
    if (text[i] == '\0') return InvalidError("binary data (NUL byte) at " + Where(text, i));
    const size_t length = SequenceLength(text, i);
    if (length == 0) {
      char byte[8];
      std::snprintf(byte, sizeof(byte), "0x%02x", static_cast<unsigned char>(text[i]));
      return InvalidError("invalid UTF-8 (byte " + std::string(byte) + ") at " + Where(text, i));
    }
    i += length;
  }
  return Status::Ok();
}

std::string ValidUtf8(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = SequenceLength(text, i);
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    valid.append(text.substr(i, length));
    i += length;
  }
  return valid;
}

int CharacterColumn(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  const size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const size_t start = newline == std::string_view::npos ? 0 : newline + 1;

  int column = 1;
  for (size_t i = start; i < offset; ++i) {
    // Continuation bytes belong to the character their lead byte started.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace ccspm::manifest
