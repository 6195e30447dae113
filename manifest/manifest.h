// A manifest file read for judging: its Kubernetes objects with their places, and what could
// not be read, with its place and reason.
//
// A file is split into documents that are parsed one by one, so a broken document is reported
// and the others are still read. Documents that are not Kubernetes objects (no apiVersion and
// no kind, or not a map at all) are skipped and counted; Lists ("kind: List", "PodList", ...)
// are expanded into their items.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "manifest/document_reader.h"
#include "manifest/document_split.h"
#include "manifest/limits.h"
#include "manifest/position.h"

namespace ccspm::manifest {

// One Kubernetes object to judge.
struct ManifestObject {
  const JsonValue* value = nullptr;  // Points into its document's JSON.
  std::string pointer;               // Where in the document: "" or "/items/3" for a List.
  Position position;                 // Where the object starts.
};

struct ManifestDocument {
  size_t chunk = 0;  // Index into Manifest::chunks().
  std::unique_ptr<ParsedDocument> parsed;
  std::vector<ManifestObject> objects;  // Empty for a skipped document.
};

struct ManifestError {
  Position position;
  std::string message;
};

class Manifest {
 public:
  // Reads `text`. Never fails as a whole: what cannot be read is in errors().
  static Manifest Parse(std::string text, const Limits& limits = {});

  const std::string& text() const { return text_; }
  const std::vector<Chunk>& chunks() const { return chunks_; }
  const std::vector<ManifestDocument>& documents() const { return documents_; }
  const std::vector<ManifestError>& errors() const { return errors_; }
  // Documents that are not Kubernetes objects.
  size_t skipped() const { return skipped_; }
  // Chunks where reading failed; such chunks are never rewritten.
  bool ChunkFailed(size_t chunk) const;

  // The place of `pointer` (a JSON Pointer from the object's own root) in `object` of
  // `document`: the deepest part of it the manifest holds, or the object's start.
  Position Locate(const ManifestDocument& document, const ManifestObject& object,
                  std::string_view pointer) const;

  // A byte offset and line turned into a line and character column of this file.
  Position ToPosition(TextPosition where) const;

 private:
  void AddDocument(size_t chunk, std::unique_ptr<ParsedDocument> parsed);
  void AddError(TextPosition where, std::string message);
  bool CheckObject(const ParsedDocument& parsed, const JsonValue& object, std::string_view pointer);

  std::string text_;
  std::vector<Chunk> chunks_;
  std::vector<ManifestDocument> documents_;
  std::vector<ManifestError> errors_;
  std::vector<size_t> failed_chunks_;
  size_t skipped_ = 0;
};

}  // namespace ccspm::manifest
