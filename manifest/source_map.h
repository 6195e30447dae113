// Where each node of a parsed document came from, so a JSON Pointer into the document can be
// turned back into a line and column of the manifest.
//
// The map is a tree parallel to the JSON value: one node per map member (at its key), per list
// item and for the root, children in the same order as the JSON members and items. It stores
// only offsets and links, so recording it costs little next to parsing.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "manifest/position.h"

namespace ccspm::manifest {

class SourceMap {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Adds a node at `where` under `parent` (kNone: a root or a node kept outside the tree) and
  // returns its id. Children must be added in the order of the JSON members or items.
  uint32_t Add(uint32_t parent, TextPosition where);

  // The place of the deepest node on `pointer` that exists in both `root` and the map; the
  // root's place when nothing on the way exists. `pointer` is an RFC 6901 JSON Pointer.
  TextPosition Find(const JsonValue& root, std::string_view pointer) const;

  // The place of node `id`.
  TextPosition At(uint32_t id) const { return nodes_[id].where; }

  // The id of child `index` of node `id`, or kNone.
  uint32_t Child(uint32_t id, size_t index) const;

  bool empty() const { return nodes_.empty(); }
  void Reserve(size_t nodes) { nodes_.reserve(nodes); }

 private:
  struct Node {
    TextPosition where;
    uint32_t first_child = kNone;
    uint32_t last_child = kNone;
    uint32_t next_sibling = kNone;
  };

  std::vector<Node> nodes_;
};

}  // namespace ccspm::manifest
