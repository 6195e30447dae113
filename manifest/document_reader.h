// Reads the YAML documents of one chunk of a manifest into JSON, the way kubectl converts them,
// recording where every node came from.
//
// Built on yaml-cpp's event parser rather than its node tree: the events carry positions,
// arrive in document order, and let this reader bound alias expansion and nesting itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "manifest/document_split.h"
#include "manifest/limits.h"
#include "manifest/position.h"
#include "manifest/source_map.h"

namespace ccspm::manifest {

struct ParsedDocument {
  JsonDocument json;
  SourceMap source_map;
  TextPosition start;  // Where the document's content (or its "---") begins.
};

struct ReadOutcome {
  // Every document read before an error, except empty ones (no content or only null).
  std::vector<std::unique_ptr<ParsedDocument>> documents;
  bool ok = true;
  TextPosition error_at;  // Where the first error is, when !ok.
  std::string error;      // Why, e.g. "duplicate key \"name\" (first at line 4 column 3)".
};

// Reads the documents of `chunk` of `text`. Positions are offsets and lines of `text`.
// Never throws: yaml-cpp's exceptions and the reader's own limits become `error`.
ReadOutcome ReadDocuments(std::string_view text, const Chunk& chunk, const Limits& limits);

}  // namespace ccspm::manifest
