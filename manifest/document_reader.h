// Reads the YAML documents of one chunk of a manifest into JSON, the way kubectl converts them,
// recording where every node came from.
//
// libyaml's event parser reads the text: go-yaml v2, which kubectl reads YAML with, is a port of
// it, so both accept and refuse the same text, and it reads several times faster than yaml-cpp.
// The events go to a DocumentBuilder (manifest/json_builder.h), which bounds alias expansion
// and nesting itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/document_split.h"
#include "manifest/json_builder.h"
#include "manifest/limits.h"
#include "manifest/position.h"

namespace ccspm::manifest {

struct ReadOutcome {
  // Every document read before an error, except empty ones (no content or only null).
  std::vector<std::unique_ptr<ParsedDocument>> documents;
  bool ok = true;
  TextPosition error_at;  // Where the first error is, when !ok.
  std::string error;      // Why, e.g. "duplicate key \"name\" (first at line 4 column 3)".
};

// Reads the documents of `chunk` of `text`. Positions are offsets and lines of `text`. Syntax
// errors, text YAML refuses (control characters) and the limits of `limits` become `error`.
// Chunks in the block-YAML subset of manifest/block_reader.h are read by that reader, the rest
// by libyaml; both give the same outcome.
ReadOutcome ReadDocuments(std::string_view text, const Chunk& chunk, const Limits& limits);

// ReadDocuments with libyaml for every chunk: what the block reader is tested against.
ReadOutcome ReadDocumentsWithLibyaml(std::string_view text, const Chunk& chunk,
                                     const Limits& limits);

}  // namespace ccspm::manifest
