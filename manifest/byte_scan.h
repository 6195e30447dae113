// Fast scans over manifest bytes, sixteen at a time.
//
// Reading YAML spends most of its time asking the same few questions of long runs of ordinary
// characters: is this all printable ASCII, where is the next space or line break. These helpers
// answer them a block of sixteen bytes at a time with the compiler's portable vector types
// (SSE2 on x86-64, NEON on arm64), and finish the tail byte by byte.
#pragma once

#include <cstddef>

namespace ccspm::manifest {

// Length of the longest prefix of [begin, end) made only of printable ASCII (0x20 to 0x7E)
// and "\n". The answer is exact: the byte at the returned offset, if any, is something else.
size_t PrintableAsciiPrefix(const char* begin, const char* end);

// Length of the longest prefix of [begin, end) holding no byte below 0x01 or above 0x7F,
// that is plain ASCII without NUL. Exact like PrintableAsciiPrefix.
size_t AsciiPrefix(const char* begin, const char* end);

// Offset from `begin` of the first ' ', '\n' or ':' in [begin, end), or end - begin.
size_t FindSpaceBreakOrColon(const char* begin, const char* end);

// Number of ' ' at the start of [begin, end).
size_t CountSpaces(const char* begin, const char* end);

}  // namespace ccspm::manifest
