// Fast scans over manifest bytes, a block of bytes at a time.
//
// Reading YAML spends most of its time asking the same few questions of long runs of ordinary
// characters: is this all printable ASCII, where is the next space or line break, how deep is
// this indentation. These helpers answer them sixteen bytes at a time with the compiler's
// portable vector types (SSE2 on x86-64, NEON on arm64), or eight at a time in a word, and
// finish the tail byte by byte. The short ones are inline: the reader calls them per word.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ccspm::manifest {

// Length of the longest prefix of [begin, end) made only of printable ASCII (0x20 to 0x7E)
// and "\n". The answer is exact: the byte at the returned offset, if any, is something else.
size_t PrintableAsciiPrefix(const char* begin, const char* end);

// Length of the longest prefix of [begin, end) holding no byte below 0x01 or above 0x7F,
// that is plain ASCII without NUL. Exact like PrintableAsciiPrefix.
size_t AsciiPrefix(const char* begin, const char* end);

// Offset from `begin` of the first '\n', ':' or '#' in [begin, end), or end - begin.
size_t FindBreakColonOrHash(const char* begin, const char* end);

// Number of ' ' at the start of [begin, end).
size_t CountSpaces(const char* begin, const char* end);

// Offset from `begin` (a line start) of the next line start whose first byte is `a` or `b`,
// or end - begin; `*lines` grows by the line breaks passed on the way, and `*printable` turns
// false if a byte passed is not printable ASCII or "\n" (it never turns true).
size_t FindLineStartingWith(const char* begin, const char* end, char a, char b, int* lines,
                            bool* printable);

namespace byte_scan_internal {

static_assert(std::endian::native == std::endian::little, "lanes are read little-endian");

// Sixteen signed bytes; comparisons give -1 (all bits set) in the lanes where they hold.
typedef signed char Block __attribute__((vector_size(16)));
inline constexpr ptrdiff_t kBlock = sizeof(Block);

inline Block Load(const char* at) {
  Block block;
  std::memcpy(&block, at, kBlock);
  return block;
}

inline Block Splat(char c) { return Block{} + static_cast<signed char>(c); }

// The lanes of `lanes` (each 0 or -1) as two words, low lanes first.
struct Halves {
  uint64_t low;
  uint64_t high;
};

inline Halves Split(Block lanes) {
  Halves halves;
  std::memcpy(&halves, &lanes, kBlock);
  return halves;
}

// Offset of the first set lane, or kBlock when none is.
inline ptrdiff_t FirstSet(Block lanes) {
  const Halves halves = Split(lanes);
  if (halves.low != 0) return std::countr_zero(halves.low) / 8;
  if (halves.high != 0) return 8 + std::countr_zero(halves.high) / 8;
  return kBlock;
}

}  // namespace byte_scan_internal

inline size_t FindBreakColonOrHash(const char* begin, const char* end) {
  using namespace byte_scan_internal;
  const char* at = begin;
  for (; end - at >= kBlock; at += kBlock) {
    const Block bytes = Load(at);
    const ptrdiff_t first =
        FirstSet((bytes == Splat('\n')) | (bytes == Splat(':')) | (bytes == Splat('#')));
    if (first != kBlock) return static_cast<size_t>(at - begin + first);
  }
  while (at < end && *at != '\n' && *at != ':' && *at != '#') ++at;
  return static_cast<size_t>(at - begin);
}

inline size_t CountSpaces(const char* begin, const char* end) {
  // Indentation is mostly shorter than a word: compare eight bytes at once with eight spaces.
  constexpr uint64_t kSpaces = 0x2020202020202020u;
  const char* at = begin;
  for (; end - at >= 8; at += 8) {
    uint64_t word = 0;
    std::memcpy(&word, at, 8);
    if (word != kSpaces) {
      return static_cast<size_t>(at - begin + std::countr_zero(word ^ kSpaces) / 8);
    }
  }
  while (at < end && *at == ' ') ++at;
  return static_cast<size_t>(at - begin);
}

}  // namespace ccspm::manifest
