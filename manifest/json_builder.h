// Builds the JSON value of one YAML document from its parse events, the way kubectl converts
// YAML to JSON, and records where every node came from.
//
// kubectl's conversion: plain scalars are typed by YAML 1.1 (manifest/plain_scalar.h), quoted
// ones stay text, aliases are expanded, merge keys ("<<") fill what a map does not set, keys
// become text, and duplicate keys are refused. On top of that, Limits bounds the nesting and
// the nodes aliases may add, checked as the events arrive and before anything is copied.
//
// The builder knows no parser: document_reader.cc feeds it libyaml's events. Values are built
// bottom-up on one stack and each map or list is made from its finished children when it
// closes, so there is no intermediate tree and every allocation is the document's own.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/json.h"
#include "manifest/limits.h"
#include "manifest/position.h"
#include "manifest/source_map.h"

namespace ccspm::manifest {

struct ParsedDocument {
  JsonDocument json;
  SourceMap source_map;
  TextPosition start;  // Where the document's content (or its "---") begins.
};

struct ScalarEvent {
  TextPosition where;
  std::string_view value;
  bool plain = true;        // Neither quoted nor a block scalar (| or >).
  std::string_view tag;     // The resolved tag ("tag:yaml.org,2002:str"); empty when none.
  std::string_view anchor;  // Empty when none.
};

// Not thread-safe. Each event method returns false on the first error, after which error() and
// error_at() say what and where, and the rest of the document must not be fed.
class DocumentBuilder {
 public:
  // `text` is the whole file (error messages give columns of it); both must outlive the builder.
  DocumentBuilder(std::string_view text, const Limits& limits);
  ~DocumentBuilder();

  // `text_bytes`, the size of the document's text when known, sizes the source map up front.
  void StartDocument(TextPosition where, size_t text_bytes = 0);
  // The document read since StartDocument, or null when it holds no value (empty, or null).
  std::unique_ptr<ParsedDocument> EndDocument();

  bool Scalar(const ScalarEvent& event);
  bool Alias(TextPosition where, std::string_view anchor);
  bool StartCollection(TextPosition where, bool is_map, std::string_view anchor);
  bool EndCollection();

  TextPosition error_at() const { return error_at_; }
  const std::string& error() const { return error_; }

 private:
  struct Frame;
  struct Anchored {
    JsonValue value;
    size_t nodes = 0;
  };
  // Hashes for looking up anchors by a string_view of their name.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
  };

  JsonDocument::AllocatorType& Allocator() { return document_->json.GetAllocator(); }
  bool Fail(TextPosition where, std::string message);
  bool AtKey() const;
  bool Count(TextPosition where);
  uint32_t NodeFor(TextPosition where);
  bool Typed(const ScalarEvent& event, JsonValue* value);
  bool Key(const ScalarEvent& event);
  bool AddKey(TextPosition where, std::string_view key, bool plain);
  bool FindKey(Frame& map, size_t slot, size_t* first);
  bool AddLeaf(TextPosition where, JsonValue value, std::string_view anchor);
  void Merge(Frame& map);
  void MergeMembers(Frame& map, const JsonValue& source);
  JsonValue Close(Frame& frame);
  void Remember(std::string_view anchor, const JsonValue& value, size_t nodes);
  bool Attach();

  std::string_view text_;
  const Limits& limits_;

  std::unique_ptr<ParsedDocument> document_;
  std::vector<Frame> frames_;
  // Finished values whose container is still open; a map's are key, value, key, value, ...
  std::vector<JsonValue> values_;
  std::unordered_map<std::string, Anchored, NameHash, std::equal_to<>> anchors_;
  size_t nodes_ = 0;
  size_t alias_nodes_ = 0;

  TextPosition error_at_;
  std::string error_;
};

}  // namespace ccspm::manifest
