#include "manifest/mark_map.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace ccspm::manifest {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080u;
constexpr uint64_t kLowBits = 0x0101010101010101u;

// True when the bytes hold no "\r" except as the first half of "\r\n", and nothing but ASCII.
bool IsSimple(std::string_view bytes) {
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    if ((word & kHighBits) != 0) return false;
    const uint64_t carriage = word ^ (kLowBits * '\r');
    if (((carriage - kLowBits) & ~carriage & kHighBits) == 0) continue;
    // A "\r" in this word: check it byte by byte.
    for (size_t k = i; k < i + 8; ++k) {
      if (bytes[k] == '\r' && (k + 1 == bytes.size() || bytes[k + 1] != '\n')) return false;
    }
  }
  for (; i < bytes.size(); ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0x80) != 0) return false;
    if (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')) return false;
  }
  return true;
}

bool IsContinuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

MarkMap::MarkMap(std::string_view text, const Chunk& chunk)
    : text_(text),
      begin_(chunk.offset),
      end_(chunk.offset + chunk.size),
      first_line_(chunk.first_line),
      simple_(IsSimple(text.substr(chunk.offset, chunk.size))),
      offset_(chunk.offset),
      line_(chunk.first_line) {}

TextPosition MarkMap::At(size_t index, size_t line) {
  if (simple_) {
    return {std::min(begin_ + index, end_), first_line_ + static_cast<int>(line)};
  }

  while (index_ < index && offset_ < end_) {
    if (text_[offset_] == '\n') ++line_;
    ++offset_;
    while (offset_ < end_ && IsContinuation(text_[offset_])) ++offset_;
    ++index_;
  }
  while (index_ > index && offset_ > begin_) {
    --offset_;
    while (offset_ > begin_ && IsContinuation(text_[offset_])) --offset_;
    if (text_[offset_] == '\n') --line_;
    --index_;
  }
  return {offset_, line_};
}

TextPosition MarkMap::AtByte(size_t offset) const {
  const size_t at = std::min(begin_ + offset, end_);
  const auto breaks = std::count(text_.begin() + begin_, text_.begin() + at, '\n');
  return {at, first_line_ + static_cast<int>(breaks)};
}

}  // namespace ccspm::manifest
