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

  // The place of the character `index` characters into the chunk, on libyaml's line `line`.
  TextPosition At(size_t index, size_t line);

  // The place of byte `offset` of the chunk.
  TextPosition AtByte(size_t offset) const;

  // The offset just past the chunk.
  size_t end() const { return end_; }

 private:
  std::string_view text_;
  size_t begin_ = 0;
  size_t end_ = 0;
  int first_line_ = 1;
  // ASCII without a lone "\r": libyaml's indexes are byte offsets and its lines are ours.
  bool simple_ = true;
  // Otherwise: a known character index, with its byte offset and line.
  size_t index_ = 0;
  size_t offset_ = 0;
  int line_ = 1;
};

}  // namespace ccspm::manifest
