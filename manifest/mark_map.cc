#include "manifest/mark_map.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace ccspm::manifest {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080u;
constexpr uint64_t kLowBits = 0x0101010101010101u;

bool HasByte(uint64_t word, unsigned char byte) {
  const uint64_t x = word ^ (kLowBits * byte);
  return ((x - kLowBits) & ~x & kHighBits) != 0;
}

// Whether byte `i` of `bytes` starts a line break that "\n" does not end: a lone "\r", NEL,
// LS or PS.
bool IsOtherBreak(std::string_view bytes, size_t i) {
  const char first = bytes[i];
  if (first != '\r' && first != '\xC2' && first != '\xE2') return false;
  const std::string_view rest = bytes.substr(i);
  if (rest[0] == '\r') return rest.size() == 1 || rest[1] != '\n';
  return rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") ||
         rest.starts_with("\xE2\x80\xA9");
}

// Whether every line break of `bytes` is "\n" or "\r\n"; `ascii` says whether every byte is.
bool ScanBytes(std::string_view bytes, bool* ascii) {
  *ascii = true;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    const bool high = (word & kHighBits) != 0;
    if (!high && !HasByte(word, '\r')) continue;
    *ascii = *ascii && !high;
    for (size_t k = i; k < i + 8; ++k) {
      if (IsOtherBreak(bytes, k)) return false;
    }
  }
  for (; i < bytes.size(); ++i) {
    *ascii = *ascii && (static_cast<unsigned char>(bytes[i]) & 0x80) == 0;
    if (IsOtherBreak(bytes, i)) return false;
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
      line_start_(chunk.offset),
      offset_(chunk.offset),
      line_(chunk.first_line) {
  bool ascii = true;
  const bool lines_agree = ScanBytes(text.substr(chunk.offset, chunk.size), &ascii);
  mode_ = !lines_agree ? Mode::kWalk : ascii ? Mode::kAscii : Mode::kLines;
}

TextPosition MarkMap::At(size_t index, size_t line, size_t column) {
  switch (mode_) {
    case Mode::kAscii:
      return {std::min(begin_ + index, end_), first_line_ + static_cast<int>(line)};
    case Mode::kLines:
      return OnLine(line, column);
    case Mode::kWalk:
      break;
  }
  return Walk(index);
}

TextPosition MarkMap::OnLine(size_t line, size_t column) {
  if (line < line_index_) {
    line_index_ = 0;
    line_start_ = begin_;
  }
  while (line_index_ < line) {
    const void* newline = std::memchr(text_.data() + line_start_, '\n', end_ - line_start_);
    if (newline == nullptr) break;
    line_start_ = static_cast<const char*>(newline) - text_.data() + 1;
    ++line_index_;
  }

  // Columns count characters: step over ASCII eight bytes at a time, the rest one by one.
  size_t offset = line_start_;
  size_t i = 0;
  while (i < column && offset < end_) {
    uint64_t word = 0;
    if (i + 8 <= column && offset + 8 <= end_) {
      std::memcpy(&word, text_.data() + offset, 8);
      if ((word & kHighBits) == 0) {
        i += 8;
        offset += 8;
        continue;
      }
    }
    ++offset;
    while (offset < end_ && IsContinuation(text_[offset])) ++offset;
    ++i;
  }
  return {offset, first_line_ + static_cast<int>(line_index_)};
}

TextPosition MarkMap::Walk(size_t index) {
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
