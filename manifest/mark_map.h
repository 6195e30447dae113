// Turns libyaml's marks into places of the manifest text.
//
// libyaml counts from 0, counts characters rather than bytes, and takes "\r", NEL, LS and PS
// for line breaks as well as "\n". The rest of the manifest code holds byte offsets and counts
// only "\n" (manifest/position.h), so marks are converted here, in one place.
#pragma once

#include <cstddef>
#include <string_view>

#include "manifest/document_split.h"
#include "manifest/position.h"

namespace ccspm::manifest {

// Not thread-safe: it keeps a cursor, so converting marks in (roughly) increasing order costs
// time linear in the size of the chunk. `text` must outlive it.
class MarkMap {
 public:
  MarkMap(std::string_view text, const Chunk& chunk);

  // The place of libyaml's mark: `index` characters into the chunk, on its 0-based line `line`
  // at 0-based character column `column`.
  TextPosition At(size_t index, size_t line, size_t column);

  // The place of byte `offset` of the chunk.
  TextPosition AtByte(size_t offset) const;

  // The offset just past the chunk.
  size_t end() const { return end_; }

 private:
  enum class Mode {
    kAscii,  // ASCII, breaks "\n" or "\r\n": indexes are byte offsets, libyaml's lines ours.
    kLines,  // Other UTF-8, same breaks: libyaml's lines are ours; columns count characters.
    kWalk,   // Other breaks too: walk the characters to the index.
  };

  TextPosition OnLine(size_t line, size_t column);
  TextPosition Walk(size_t index);

  std::string_view text_;
  size_t begin_ = 0;
  size_t end_ = 0;
  int first_line_ = 1;
  Mode mode_ = Mode::kAscii;
  // kLines: the start of 0-based line `line_index_` of the chunk.
  size_t line_index_ = 0;
  size_t line_start_ = 0;
  // kWalk: a character index of the chunk, with its byte offset and line.
  size_t index_ = 0;
  size_t offset_ = 0;
  int line_ = 1;
};

}  // namespace ccspm::manifest
