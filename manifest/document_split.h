// Splits a YAML stream into its documents' bytes without parsing it, so each document is parsed
// on its own (a broken one does not hide the rest) and can be written back byte for byte.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ccspm::manifest {

struct Chunk {
  size_t offset = 0;   // First byte in the text.
  size_t size = 0;     // Bytes, up to the next chunk.
  int first_line = 1;  // Line number of the first byte.
  // True when every byte is known to be printable ASCII or "\n" (SplitDocuments looks while it
  // splits, so readers need not look again); false when not, or not known.
  bool printable_ascii = false;
};

// Cuts `text` (from byte `start`, after a byte order mark) before every line that begins with a
// "---" marker and after every line that is a "..." marker. YAML forbids those lines inside
// scalars, so they are boundaries whatever surrounds them. Leading material with no document of
// its own (comments, blank lines, directives) joins the chunk after it. The chunks cover the
// text from `start` to the end without gaps.
std::vector<Chunk> SplitDocuments(std::string_view text, size_t start = 0);

}  // namespace ccspm::manifest
