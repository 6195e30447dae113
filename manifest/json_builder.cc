#include "manifest/json_builder.h"

#include <cstdint>
#include <utility>

#include "manifest/plain_scalar.h"
#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

constexpr std::string_view kStandardTag = "tag:yaml.org,2002:";
// Maps with this many members get a hash index of their keys, so reading stays linear in the
// size of the document (CRD schemas, dashboards); smaller ones are searched.
constexpr size_t kIndexedMapSize = 16;
// Bytes of YAML per node, a little under what manifests have (24 to 40), for sizing the source
// map once instead of growing it a dozen times.
constexpr size_t kBytesPerNode = 20;

bool IsMergeable(const JsonValue& value) {
  if (value.IsObject()) return true;
  if (!value.IsArray()) return false;
  for (const JsonValue& item : value.GetArray()) {
    if (!item.IsObject()) return false;
  }
  return true;
}

}  // namespace

// The keys of a large open map, as slots of the value stack. The stack may move when it grows,
// so the table holds slot numbers and looks the strings up through the stack itself. Open
// addressing in one array: no allocation per key, unlike a node-based set.
class KeyIndex {
 public:
  explicit KeyIndex(const std::vector<JsonValue>* values) : values_(values), table_(64, kEmpty) {}

  // Adds `slot`; false (and the slot of the same key) when the key is already there.
  bool Insert(size_t slot, size_t* existing) {
    if (2 * (size_ + 1) > table_.size()) Grow();
    const std::string_view key = Key(slot);
    for (size_t at = Hash(key);; at = (at + 1) & (table_.size() - 1)) {
      if (table_[at] == kEmpty) {
        table_[at] = slot;
        ++size_;
        return true;
      }
      if (Key(table_[at]) == key) {
        *existing = table_[at];
        return false;
      }
    }
  }

 private:
  static constexpr size_t kEmpty = SIZE_MAX;

  std::string_view Key(size_t slot) const { return AsStringView((*values_)[slot]); }
  size_t Hash(std::string_view key) const {
    return std::hash<std::string_view>()(key) & (table_.size() - 1);
  }
  void Grow() {
    std::vector<size_t> old(table_.size() * 2, kEmpty);
    old.swap(table_);
    for (size_t slot : old) {
      if (slot == kEmpty) continue;
      size_t at = Hash(Key(slot));
      while (table_[at] != kEmpty) at = (at + 1) & (table_.size() - 1);
      table_[at] = slot;
    }
  }

  const std::vector<JsonValue>* values_;
  std::vector<size_t> table_;  // Slots, or kEmpty; the size is a power of two.
  size_t size_ = 0;
};

struct DocumentBuilder::Frame {
  bool is_map = false;
  bool want_key = true;  // Maps: the next scalar is a key.
  bool merge = false;    // Maps: the key being read is "<<"; its value is merged, not added.
  uint32_t node = SourceMap::kNone;
  uint32_t key_node = SourceMap::kNone;  // Maps: the key being read.
  size_t base = 0;                       // First slot of its children on the value stack.
  size_t nodes_before = 0;               // Nodes of the document before this one.
  std::string anchor;
  std::vector<JsonValue> merges;
  std::unique_ptr<KeyIndex> index;
};

DocumentBuilder::DocumentBuilder(std::string_view text, const Limits& limits)
    : text_(text), limits_(limits) {}

DocumentBuilder::~DocumentBuilder() = default;

void DocumentBuilder::StartDocument(TextPosition where, size_t text_bytes) {
  document_ = std::make_unique<ParsedDocument>();
  document_->source_map.Reserve(text_bytes / kBytesPerNode);
  document_->start = where;
  frames_.clear();
  values_.clear();
  anchors_.clear();
  nodes_ = 0;
  alias_nodes_ = 0;
}

std::unique_ptr<ParsedDocument> DocumentBuilder::EndDocument() {
  std::unique_ptr<ParsedDocument> document = std::move(document_);
  if (document == nullptr || document->json.IsNull()) return nullptr;
  return document;
}

bool DocumentBuilder::Fail(TextPosition where, std::string message) {
  error_at_ = where;
  error_ = std::move(message);
  return false;
}

bool DocumentBuilder::AtKey() const {
  return !frames_.empty() && frames_.back().is_map && frames_.back().want_key;
}

bool DocumentBuilder::Count(TextPosition where) {
  ++nodes_;
  if (frames_.size() >= static_cast<size_t>(limits_.max_depth)) {
    return Fail(where, "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
  }
  return true;
}

// The source-map node of a value starting at `where`: a list item gets its own; a map value
// uses its key's, made when the key was read.
uint32_t DocumentBuilder::NodeFor(TextPosition where) {
  if (frames_.empty()) return document_->source_map.Add(SourceMap::kNone, where);
  const Frame& parent = frames_.back();
  if (parent.is_map) return parent.key_node;
  return document_->source_map.Add(parent.node, where);
}

bool DocumentBuilder::Scalar(const ScalarEvent& event) {
  if (AtKey()) return Key(event);
  JsonValue value;
  if (!Typed(event, &value)) return false;
  return AddLeaf(event.where, std::move(value), event.anchor);
}

bool DocumentBuilder::Typed(const ScalarEvent& event, JsonValue* value) {
  // Of the explicit tags only the standard non-string ones are resolved; kubectl keeps every
  // other tagged scalar as text.
  const std::string_view tag = event.tag;
  const bool resolve = tag.empty() ? event.plain
                                   : tag.starts_with(kStandardTag) && !tag.ends_with(":str") &&
                                         !tag.ends_with(":binary");
  if (!resolve) {
    *value = StringValue(event.value, Allocator());
    return true;
  }

  const PlainScalar scalar = ResolvePlainScalar(event.value);
  switch (scalar.type) {
    case PlainScalar::Type::kNull:
      value->SetNull();
      return true;
    case PlainScalar::Type::kBool:
      value->SetBool(scalar.boolean);
      return true;
    case PlainScalar::Type::kInt:
      value->SetInt64(scalar.integer);
      return true;
    case PlainScalar::Type::kUint:
      value->SetUint64(scalar.unsigned_integer);
      return true;
    case PlainScalar::Type::kFloat:
      value->SetDouble(scalar.number);
      return true;
    case PlainScalar::Type::kNotJson:
      return Fail(event.where, "\"" + std::string(event.value) +
                                   "\" is not a number JSON can hold (kubectl refuses it too)");
    case PlainScalar::Type::kString:
      break;
  }
  *value = StringValue(event.value, Allocator());
  return true;
}

// JSON keys are text; kubectl writes a plain key that YAML types as a boolean or number as
// that value's text ("yes:" becomes "true", "0755:" becomes "493").
bool DocumentBuilder::Key(const ScalarEvent& event) {
  if (!event.anchor.empty()) Remember(event.anchor, StringValue(event.value, Allocator()), 1);
  const bool plain = event.plain && event.tag.empty();
  if (!plain) return AddKey(event.where, event.value, false);

  const PlainScalar scalar = ResolvePlainScalar(event.value);
  switch (scalar.type) {
    case PlainScalar::Type::kNull:
      return Fail(event.where, "a mapping key is null");
    case PlainScalar::Type::kBool:
      return AddKey(event.where, scalar.boolean ? "true" : "false", true);
    case PlainScalar::Type::kInt:
      return AddKey(event.where, std::to_string(scalar.integer), true);
    case PlainScalar::Type::kUint:
      return AddKey(event.where, std::to_string(scalar.unsigned_integer), true);
    default:
      // Limitation: float keys keep their spelling because kubectl reformats them with Go's
      // 32-bit %g, and no Kubernetes field has such keys.
      return AddKey(event.where, event.value, true);
  }
}

bool DocumentBuilder::AddKey(TextPosition where, std::string_view key, bool plain) {
  Frame& map = frames_.back();
  map.want_key = false;
  if (plain && key == "<<") {
    map.merge = true;
    map.key_node = document_->source_map.Add(SourceMap::kNone, where);
    return true;
  }

  values_.push_back(StringValue(key, Allocator()));
  if (size_t first = 0; FindKey(map, values_.size() - 1, &first)) {
    const TextPosition at = document_->source_map.At(document_->source_map.Child(map.node, first));
    return Fail(where, "duplicate key \"" + std::string(key) + "\" (first at line " +
                           std::to_string(at.line) + " column " +
                           std::to_string(CharacterColumn(text_, at.offset)) + ")");
  }
  map.key_node = document_->source_map.Add(map.node, where);
  return true;
}

// Whether the key in `slot` is already a member of `map`, and if so which (`first`). Keys not
// found are added to the map's index, so `slot` must stay on the stack while the map is open.
bool DocumentBuilder::FindKey(Frame& map, size_t slot, size_t* first) {
  const size_t members = (slot - map.base) / 2;
  if (members >= kIndexedMapSize && map.index == nullptr) {
    map.index = std::make_unique<KeyIndex>(&values_);
    size_t unused = 0;
    for (size_t key = map.base; key < slot; key += 2) map.index->Insert(key, &unused);
  }
  if (map.index != nullptr) {
    size_t existing = 0;
    if (map.index->Insert(slot, &existing)) return false;
    *first = (existing - map.base) / 2;
    return true;
  }

  const std::string_view key = AsStringView(values_[slot]);
  for (size_t i = 0; i < members; ++i) {
    if (AsStringView(values_[map.base + 2 * i]) == key) {
      *first = i;
      return true;
    }
  }
  return false;
}

bool DocumentBuilder::Alias(TextPosition where, std::string_view anchor) {
  auto found = anchors_.find(anchor);
  if (found == anchors_.end()) {
    return Fail(where, "alias *" + std::string(anchor) +
                           " to an anchor that is not defined before it or not complete");
  }
  const Anchored& anchored = found->second;
  if (AtKey()) {
    if (!anchored.value.IsString()) {
      return Fail(where, "an alias used as a mapping key is not text");
    }
    return AddKey(where, AsStringView(anchored.value), false);
  }

  alias_nodes_ += anchored.nodes;
  if (alias_nodes_ > limits_.max_alias_nodes) {
    return Fail(where, "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) +
                           " nodes in one document");
  }
  nodes_ += anchored.nodes - 1;
  return AddLeaf(where, JsonValue(anchored.value, Allocator()), {});
}

bool DocumentBuilder::AddLeaf(TextPosition where, JsonValue value, std::string_view anchor) {
  if (!Count(where)) return false;
  NodeFor(where);
  if (!anchor.empty()) Remember(anchor, value, 1);
  values_.push_back(std::move(value));
  return Attach();
}

bool DocumentBuilder::StartCollection(TextPosition where, bool is_map, std::string_view anchor) {
  if (AtKey()) {
    return Fail(where, "a mapping key is a map or a list; only text keys are supported");
  }
  if (!Count(where)) return false;
  const uint32_t node = NodeFor(where);
  Frame& frame = frames_.emplace_back();
  frame.is_map = is_map;
  frame.node = node;
  frame.base = values_.size();
  frame.nodes_before = nodes_ - 1;
  frame.anchor = anchor;
  return true;
}

bool DocumentBuilder::EndCollection() {
  Frame& frame = frames_.back();
  JsonValue value = Close(frame);
  if (!frame.anchor.empty()) Remember(frame.anchor, value, nodes_ - frame.nodes_before);
  frames_.pop_back();
  values_.push_back(std::move(value));
  return Attach();
}

// The map or list of `frame`, made of its children, which leave the stack.
JsonValue DocumentBuilder::Close(Frame& frame) {
  JsonValue value;
  if (frame.is_map) {
    Merge(frame);
    value.SetObject();
    for (size_t i = frame.base; i < values_.size(); i += 2) {
      value.AddMember(values_[i], values_[i + 1], Allocator());
    }
  } else {
    value.SetArray();
    value.Reserve(static_cast<rapidjson::SizeType>(values_.size() - frame.base), Allocator());
    for (size_t i = frame.base; i < values_.size(); ++i) value.PushBack(values_[i], Allocator());
  }
  values_.resize(frame.base);
  return value;
}

// Merge keys ("<<: *defaults"): members the map does not set itself are copied in, after its
// own; with a list of maps, earlier maps win. Merged members have no source-map node of their
// own, so they are located at the map.
void DocumentBuilder::Merge(Frame& map) {
  for (const JsonValue& source : map.merges) {
    if (source.IsObject()) {
      MergeMembers(map, source);
      continue;
    }
    for (const JsonValue& item : source.GetArray()) MergeMembers(map, item);
  }
}

void DocumentBuilder::MergeMembers(Frame& map, const JsonValue& source) {
  for (auto member = source.MemberBegin(); member != source.MemberEnd(); ++member) {
    values_.emplace_back(member->name, Allocator());
    if (size_t first = 0; FindKey(map, values_.size() - 1, &first)) {
      values_.pop_back();
      continue;
    }
    values_.emplace_back(member->value, Allocator());
  }
}

void DocumentBuilder::Remember(std::string_view anchor, const JsonValue& value, size_t nodes) {
  auto found = anchors_.find(anchor);
  if (found == anchors_.end()) found = anchors_.emplace(std::string(anchor), Anchored()).first;
  found->second.value.CopyFrom(value, Allocator());
  found->second.nodes = nodes;
}

// Hands the value on top of the stack to its container: the document, a list (where it stays
// on the stack), or a map (where it stays too, unless it is the value of a merge key).
bool DocumentBuilder::Attach() {
  if (frames_.empty()) {
    static_cast<JsonValue&>(document_->json) = values_.back();
    values_.pop_back();
    return true;
  }
  Frame& parent = frames_.back();
  if (!parent.is_map) return true;

  parent.want_key = true;
  if (!parent.merge) return true;
  parent.merge = false;
  if (!IsMergeable(values_.back())) {
    return Fail(document_->source_map.At(parent.key_node),
                "a merge key (<<) needs a map or a list of maps");
  }
  parent.merges.push_back(std::move(values_.back()));
  values_.pop_back();
  return true;
}

}  // namespace ccspm::manifest
