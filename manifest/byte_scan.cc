#include "manifest/byte_scan.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace ccspm::manifest {
namespace {

// Sixteen signed bytes; comparisons give -1 (all bits set) in the lanes where they hold.
typedef signed char Block __attribute__((vector_size(16)));

constexpr size_t kBlock = sizeof(Block);

Block Load(const char* at) {
  Block block;
  std::memcpy(&block, at, kBlock);
  return block;
}

Block Splat(char c) {
  const auto byte = static_cast<signed char>(c);
  return Block{} + byte;
}

// Offset of the first lane of `lanes` (each 0 or -1) that is set, or kBlock when none is.
size_t FirstSet(Block lanes) {
  uint64_t halves[2];
  std::memcpy(halves, &lanes, kBlock);
  static_assert(std::endian::native == std::endian::little, "lanes are read little-endian");
  if (halves[0] != 0) return static_cast<size_t>(std::countr_zero(halves[0])) / 8;
  if (halves[1] != 0) return 8 + static_cast<size_t>(std::countr_zero(halves[1])) / 8;
  return kBlock;
}

// The prefix of [begin, end) whose bytes all pass `accept`, a block and then a byte at a time.
template <typename BlockTest, typename ByteTest>
size_t Prefix(const char* begin, const char* end, BlockTest reject_lanes, ByteTest accept) {
  const char* at = begin;
  while (end - at >= static_cast<ptrdiff_t>(kBlock)) {
    const size_t first = FirstSet(reject_lanes(Load(at)));
    if (first != kBlock) return static_cast<size_t>(at - begin) + first;
    at += kBlock;
  }
  while (at < end && accept(static_cast<unsigned char>(*at))) ++at;
  return static_cast<size_t>(at - begin);
}

}  // namespace

size_t PrintableAsciiPrefix(const char* begin, const char* end) {
  // As signed bytes, everything from 0x80 up is negative, so one range test covers it.
  return Prefix(
      begin, end,
      [](Block bytes) {
        const Block printable = (bytes > Splat(0x1F)) & (bytes < Splat(0x7F));
        return ~(printable | (bytes == Splat('\n')));
      },
      [](unsigned char byte) { return (byte >= 0x20 && byte < 0x7F) || byte == '\n'; });
}

size_t AsciiPrefix(const char* begin, const char* end) {
  return Prefix(
      begin, end, [](Block bytes) { return bytes <= Splat(0); },
      [](unsigned char byte) { return byte != 0 && byte < 0x80; });
}

size_t FindSpaceBreakOrColon(const char* begin, const char* end) {
  return Prefix(
      begin, end,
      [](Block bytes) {
        return (bytes == Splat(' ')) | (bytes == Splat('\n')) | (bytes == Splat(':'));
      },
      [](unsigned char byte) { return byte != ' ' && byte != '\n' && byte != ':'; });
}

size_t CountSpaces(const char* begin, const char* end) {
  return Prefix(
      begin, end, [](Block bytes) { return bytes != Splat(' '); },
      [](unsigned char byte) { return byte == ' '; });
}

}  // namespace ccspm::manifest
