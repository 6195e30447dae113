#include "kube/base64.h"

#include <cstdint>

namespace ccspm::kube {
namespace {

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

Result<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t bits = 0;
  int bit_count = 0;
  int padding = 0;

  for (char c : text) {
    if (IsSpace(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    int sextet = SextetOf(c);
    if (sextet < 0 || padding > 0) return InvalidError("invalid base64 data");
    bits = (bits << 6) | static_cast<uint32_t>(sextet);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out += static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }

  // Six leftover bits cannot come from whole bytes; more than two '=' is never valid.
  if (bit_count >= 6 || padding > 2) return InvalidError("invalid base64 data");
  return out;
}

}  // namespace ccspm::kube
