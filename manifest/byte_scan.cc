#include "manifest/byte_scan.h"

#include <algorithm>

namespace ccspm::manifest {
namespace {

using byte_scan_internal::Block;
using byte_scan_internal::FirstSet;
using byte_scan_internal::kBlock;
using byte_scan_internal::Load;
using byte_scan_internal::Splat;

// The prefix of [begin, end) whose bytes all pass `accept`: a block at a time while
// `reject_lanes` finds none to reject, then a byte at a time.
template <typename BlockTest, typename ByteTest>
size_t Prefix(const char* begin, const char* end, BlockTest reject_lanes, ByteTest accept) {
  const char* at = begin;
  for (; end - at >= kBlock; at += kBlock) {
    const ptrdiff_t first = FirstSet(reject_lanes(Load(at)));
    if (first != kBlock) return static_cast<size_t>(at - begin + first);
  }
  while (at < end && accept(static_cast<unsigned char>(*at))) ++at;
  return static_cast<size_t>(at - begin);
}

// Sixteen byte counters.
typedef unsigned char Counts __attribute__((vector_size(16)));

bool AnySet(Block lanes) {
  const byte_scan_internal::Halves halves = byte_scan_internal::Split(lanes);
  return (halves.low | halves.high) != 0;
}

// The sum of the sixteen counters, by pairs of bytes and then by multiply.
int SumLanes(Counts counts) {
  uint64_t halves[2];
  std::memcpy(halves, &counts, sizeof(halves));
  constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFu;
  uint64_t pairs = 0;
  for (uint64_t half : halves) pairs += (half & kEvenBytes) + ((half >> 8) & kEvenBytes);
  return static_cast<int>((pairs * 0x0001000100010001u) >> 48);
}

int LineBreaks(const char* begin, const char* end) {
  int breaks = 0;
  for (const char* at = begin; at < end; ++at) breaks += *at == '\n' ? 1 : 0;
  return breaks;
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

size_t FindLineStartingWith(const char* begin, const char* end, char a, char b, int* lines,
                            bool* printable) {
  // A block at a time: a line break in a lane with `a` or `b` in the next one. Blocks passed
  // whole have their breaks counted lane by lane and their printability checked on the way;
  // the rest at the end.
  const char* at = begin;
  const char* found = end;
  Block rejected{};
  while (found == end && end - at > kBlock) {
    // At most 255 blocks a round, so no lane of `counts` overflows its byte.
    const ptrdiff_t blocks = std::min<ptrdiff_t>((end - at - 1) / kBlock, 255);
    const char* round_end = at + blocks * kBlock;
    Counts counts{};
    for (; at < round_end; at += kBlock) {
      const Block bytes = Load(at);
      const Block breaks = bytes == Splat('\n');
      const Block next = Load(at + 1);
      const Block hits = breaks & ((next == Splat(a)) | (next == Splat(b)));
      if (AnySet(hits)) {
        found = at + FirstSet(hits) + 1;
        break;
      }
      counts -= reinterpret_cast<const Counts&>(breaks);
      rejected |= ~(((bytes > Splat(0x1F)) & (bytes < Splat(0x7F))) | breaks);
    }
    *lines += SumLanes(counts);
  }
  for (const char* tail = at; found == end && tail < end; ++tail) {
    if (*tail == '\n' && tail + 1 < end && (tail[1] == a || tail[1] == b)) found = tail + 1;
  }

  *lines += LineBreaks(at, found);
  if (AnySet(rejected) || PrintableAsciiPrefix(at, found) != size_t(found - at)) {
    *printable = false;
  }
  return static_cast<size_t>(found - begin);
}

}  // namespace ccspm::manifest
