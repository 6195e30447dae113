#include "engine/cel/string_literal.h"

#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `count` hex digits at `body[pos]`; -1 when they are not all hex digits.
int64_t ReadHex(std::string_view body, size_t pos, int count) {
  if (pos + count > body.size()) return -1;
  int64_t value = 0;
  for (int i = 0; i < count; ++i) {
    const int digit = HexDigit(body[pos + i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Appends a code point (string) or a byte (bytes) produced by an escape.
void AppendUnit(int64_t unit, bool is_bytes, std::string* out) {
  if (is_bytes) {
    out->push_back(static_cast<char>(unit));
  } else {
    AppendUtf8(static_cast<char32_t>(unit), out);
  }
}

// Decodes one escape at body[*pos] (just after the backslash). Returns an error or "".
std::string DecodeEscape(std::string_view body, size_t* pos, bool is_bytes, std::string* out) {
  if (*pos >= body.size()) return "incomplete escape sequence";
  const char c = body[(*pos)++];
  switch (c) {
    case 'a':
      out->push_back('\a');
      return "";
    case 'b':
      out->push_back('\b');
      return "";
    case 'f':
      out->push_back('\f');
      return "";
    case 'n':
      out->push_back('\n');
      return "";
    case 'r':
      out->push_back('\r');
      return "";
    case 't':
      out->push_back('\t');
      return "";
    case 'v':
      out->push_back('\v');
      return "";
    case '\\':
    case '?':
    case '"':
    case '\'':
    case '`':
      out->push_back(c);
      return "";
    case 'x':
    case 'X': {
      const int64_t value = ReadHex(body, *pos, 2);
      if (value < 0) return "invalid \\x escape: needs two hex digits";
      *pos += 2;
      AppendUnit(value, is_bytes, out);
      return "";
    }
    case 'u':
    case 'U': {
      const int digits = c == 'u' ? 4 : 8;
      const int64_t value = ReadHex(body, *pos, digits);
      if (value < 0)
        return "invalid unicode escape: needs " + std::to_string(digits) + " hex digits";
      if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return "invalid unicode escape: not a Unicode scalar value";
      }
      *pos += digits;
      // In bytes literals too, a unicode escape stands for its UTF-8 encoding.
      AppendUtf8(static_cast<char32_t>(value), out);
      return "";
    }
    default:
      break;
  }
  if (c >= '0' && c <= '3') {
    if (*pos + 2 > body.size()) return "invalid octal escape: needs three digits";
    const char d1 = body[*pos];
    const char d2 = body[*pos + 1];
    if (d1 < '0' || d1 > '7' || d2 < '0' || d2 > '7') return "invalid octal escape";
    *pos += 2;
    AppendUnit((c - '0') * 64 + (d1 - '0') * 8 + (d2 - '0'), is_bytes, out);
    return "";
  }
  return std::string("invalid escape sequence \\") + c;
}

}  // namespace

LiteralResult DecodeLiteral(std::string_view source, size_t prefix_length, bool is_bytes,
                            bool is_raw) {
  LiteralResult result;
  size_t pos = prefix_length;
  const char quote = source[pos];
  const bool triple = source.substr(pos, 3) == std::string(3, quote);
  const std::string_view closing = triple ? source.substr(pos, 3) : source.substr(pos, 1);
  pos += closing.size();

  while (true) {
    if (pos >= source.size()) {
      result.error = "unterminated string literal";
      result.error_offset = 0;
      return result;
    }
    if (source.substr(pos, closing.size()) == closing) break;

    const char c = source[pos];
    if (!triple && (c == '\n' || c == '\r')) {
      result.error = "newline in string literal";
      result.error_offset = pos;
      return result;
    }
    if (c == '\\' && !is_raw) {
      const size_t escape_start = pos;
      ++pos;
      std::string error = DecodeEscape(source, &pos, is_bytes, &result.value);
      if (!error.empty()) {
        result.error = std::move(error);
        result.error_offset = escape_start;
        return result;
      }
      continue;
    }
    if (c == '\\' && is_raw && pos + 1 < source.size() && source[pos + 1] == quote && !triple) {
      // A raw literal still cannot end at an escaped quote.
      result.value.append(source.substr(pos, 2));
      pos += 2;
      continue;
    }
    result.value.push_back(c);
    ++pos;
  }

  result.ok = true;
  result.length = pos + closing.size();
  return result;
}

}  // namespace ccspm::cel
