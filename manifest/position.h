// Where something is in a manifest file, as editors and code-scanning tools count it.
#pragma once

#include <cstddef>

namespace ccspm::manifest {

// Lines and columns start at 1; columns count Unicode characters, not bytes. A position of
// {0, 0} means "unknown" (for example, input read from nowhere in particular).
struct Position {
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
};

// The place of a byte offset in `text`, counting "\n" (and so "\r\n") as a line break.
struct TextPosition {
  size_t offset = 0;  // Bytes from the start of the text.
  int line = 0;       // 1-based.
};

}  // namespace ccspm::manifest
