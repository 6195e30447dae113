#include "base/base64.h"

#include <cstdint>

namespace ccspm {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int SextetOf(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  uint32_t bits = 0;
  int bit_count = 0;
  for (char c : bytes) {
    bits = (bits << 8) | static_cast<uint8_t>(c);
    bit_count += 8;
    while (bit_count >= 6) {
      bit_count -= 6;
      out += kAlphabet[(bits >> bit_count) & 63];
    }
  }
  if (bit_count > 0) out += kAlphabet[(bits << (6 - bit_count)) & 63];
  while (out.size() % 4 != 0) out += '=';
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t bits = 0;
  int bit_count = 0;
  size_t symbols = 0;
  size_t padding = 0;

  for (char c : text) {
    if (IsSpace(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    int sextet = SextetOf(c);
    if (sextet < 0 || padding > 0) return InvalidError("invalid base64 data");
    ++symbols;
    bits = (bits << 6) | static_cast<uint32_t>(sextet);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out += static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }

  // One symbol alone cannot hold a byte; padding, when present, must fill the last quantum.
  bool bad_length = symbols % 4 == 1;
  bool bad_padding = padding > 0 && (padding > 2 || (symbols + padding) % 4 != 0);
  if (bad_length || bad_padding) return InvalidError("invalid base64 data");
  return out;
}

}  // namespace ccspm
