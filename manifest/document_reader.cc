#include "manifest/document_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <map>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <unordered_map>

#include "manifest/plain_scalar.h"
#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

constexpr std::string_view kStandardTag = "tag:yaml.org,2002:";
constexpr size_t kIndexedMapSize = 16;

// A read-only stream over the chunk, so parsing does not copy it first.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view view) {
    char* begin = const_cast<char*>(view.data());
    setg(begin, begin, begin + view.size());
  }
};

// Stops the parse with a message; caught in ReadDocuments and never seen outside.
class ReadFailure : public std::runtime_error {
 public:
  ReadFailure(TextPosition where, const std::string& message)
      : std::runtime_error(message), where(where) {}

  TextPosition where;
};

struct Anchored {
  JsonValue value;
  size_t nodes = 0;
};

class Builder : public YAML::EventHandler {
 public:
  Builder(std::string_view text, const Chunk& chunk, const Limits& limits, ReadOutcome* out)
      : text_(text), chunk_(chunk), limits_(limits), out_(out) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_ = std::make_unique<ParsedDocument>();
    document_->start = Where(mark);
    frames_.clear();
    anchors_.clear();
    nodes_ = 0;
    alias_nodes_ = 0;
  }

  void OnDocumentEnd() override {
    if (!document_->json.IsNull()) out_->documents.push_back(std::move(document_));
    document_.reset();
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (AtKey()) Fail(mark, "a mapping key is null");
    AddNode(mark, JsonValue(rapidjson::kNullType), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) Fail(mark, "alias to an anchor that is not complete");
    const Anchored& anchored = found->second;
    if (AtKey()) {
      if (!anchored.value.IsString()) Fail(mark, "an alias used as a mapping key is not text");
      Key(mark, std::string(AsStringView(anchored.value)), false);
      return;
    }

    alias_nodes_ += anchored.nodes;
    if (alias_nodes_ > limits_.max_alias_nodes) {
      Fail(mark, "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) +
                     " nodes in one document");
    }
    nodes_ += anchored.nodes - 1;
    AddNode(mark, JsonValue(anchored.value, Allocator()), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (AtKey()) {
      Key(mark, KeyText(mark, tag, value), tag == "?");
      if (anchor != 0) anchors_[anchor] = {StringValue(value, Allocator()), 1};
      return;
    }
    AddNode(mark, Scalar(mark, tag, value), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, false, anchor);
  }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, true, anchor);
  }

  void OnSequenceEnd() override { Close(); }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    bool is_map = false;
    JsonValue value;
    uint32_t node = SourceMap::kNone;
    YAML::anchor_t anchor = 0;
    size_t nodes_before = 0;
    // Maps only: the member being read.
    bool want_key = true;
    bool merge = false;  // The key was "<<": the value is merged, not added.
    std::string key;
    uint32_t key_node = SourceMap::kNone;
    std::vector<JsonValue> merges;
    std::unique_ptr<std::unordered_map<std::string, size_t>> index;  // Large maps only.
  };

  JsonDocument::AllocatorType& Allocator() { return document_->json.GetAllocator(); }

  TextPosition Where(const YAML::Mark& mark) const {
    return {chunk_.offset + static_cast<size_t>(mark.pos), chunk_.first_line + mark.line};
  }

  [[noreturn]] void Fail(const YAML::Mark& mark, const std::string& message) const {
    throw ReadFailure(Where(mark), message);
  }

  bool AtKey() const {
    return !frames_.empty() && frames_.back().is_map && frames_.back().want_key;
  }

  // The source-map node of a value starting at `mark`: a list item gets its own; a map value
  // uses its key's, made when the key was read.
  uint32_t NodeFor(const YAML::Mark& mark) {
    if (frames_.empty()) return document_->source_map.Add(SourceMap::kNone, Where(mark));
    const Frame& parent = frames_.back();
    if (parent.is_map) return parent.key_node;
    return document_->source_map.Add(parent.node, Where(mark));
  }

  JsonValue Scalar(const YAML::Mark& mark, const std::string& tag, const std::string& text) {
    // "?" marks a plain scalar, "!" a quoted one. Of the explicit tags only the standard
    // non-string ones are resolved; kubectl keeps every other tagged scalar as text.
    const bool resolve = tag == "?" || (tag.starts_with(kStandardTag) && !tag.ends_with(":str") &&
                                        !tag.ends_with(":binary"));
    if (!resolve) return StringValue(text, Allocator());

    const PlainScalar scalar = ResolvePlainScalar(text);
    switch (scalar.type) {
      case PlainScalar::Type::kNull:
        return JsonValue(rapidjson::kNullType);
      case PlainScalar::Type::kBool:
        return JsonValue(scalar.boolean);
      case PlainScalar::Type::kInt:
        return JsonValue(static_cast<int64_t>(scalar.integer));
      case PlainScalar::Type::kUint:
        return JsonValue(static_cast<uint64_t>(scalar.unsigned_integer));
      case PlainScalar::Type::kFloat:
        return JsonValue(scalar.number);
      case PlainScalar::Type::kNotJson:
        Fail(mark, "\"" + text + "\" is not a number JSON can hold (kubectl refuses it too)");
      case PlainScalar::Type::kString:
        break;
    }
    return StringValue(text, Allocator());
  }

  // JSON keys are text; kubectl writes a plain key that YAML types as a boolean or number as
  // that value's text ("yes:" becomes "true", "0755:" becomes "493").
  std::string KeyText(const YAML::Mark& mark, const std::string& tag, const std::string& text) {
    if (tag != "?") return text;
    const PlainScalar scalar = ResolvePlainScalar(text);
    switch (scalar.type) {
      case PlainScalar::Type::kNull:
        Fail(mark, "a mapping key is null");
      case PlainScalar::Type::kBool:
        return scalar.boolean ? "true" : "false";
      case PlainScalar::Type::kInt:
        return std::to_string(scalar.integer);
      case PlainScalar::Type::kUint:
        return std::to_string(scalar.unsigned_integer);
      default:
        // Limitation: float keys keep their spelling because kubectl reformats them with Go's
        // 32-bit %g, and no Kubernetes field has such keys.
        return text;
    }
  }

  // The member index of `key` in `map`. Small maps are searched; large ones (CRD schemas,
  // dashboards) get a hash index so reading stays linear in the size of the document.
  static std::optional<size_t> FindKey(Frame& map, const std::string& key) {
    const size_t count = map.value.MemberCount();
    if (count >= kIndexedMapSize && map.index == nullptr) {
      map.index = std::make_unique<std::unordered_map<std::string, size_t>>();
      size_t i = 0;
      for (auto m = map.value.MemberBegin(); m != map.value.MemberEnd(); ++m, ++i) {
        map.index->emplace(std::string(AsStringView(m->name)), i);
      }
    }
    if (map.index != nullptr) {
      auto [found, added] = map.index->emplace(key, count);
      if (!added) return found->second;
      return std::nullopt;
    }

    size_t i = 0;
    for (auto m = map.value.MemberBegin(); m != map.value.MemberEnd(); ++m, ++i) {
      if (AsStringView(m->name) == key) return i;
    }
    return std::nullopt;
  }

  void Key(const YAML::Mark& mark, std::string key, bool plain) {
    Frame& map = frames_.back();
    if (plain && key == "<<") {
      map.merge = true;
      map.key_node = document_->source_map.Add(SourceMap::kNone, Where(mark));
      map.want_key = false;
      return;
    }

    if (std::optional<size_t> first = FindKey(map, key); first.has_value()) {
      const TextPosition at =
          document_->source_map.At(document_->source_map.Child(map.node, *first));
      Fail(mark, "duplicate key \"" + key + "\" (first at line " + std::to_string(at.line) +
                     " column " + std::to_string(CharacterColumn(text_, at.offset)) + ")");
    }
    map.key = std::move(key);
    map.key_node = document_->source_map.Add(map.node, Where(mark));
    map.want_key = false;
  }

  void Count(const YAML::Mark& mark) {
    ++nodes_;
    if (frames_.size() >= static_cast<size_t>(limits_.max_depth)) {
      Fail(mark, "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
  }

  void Open(const YAML::Mark& mark, bool is_map, YAML::anchor_t anchor) {
    if (AtKey()) Fail(mark, "a mapping key is a map or a list; only text keys are supported");
    Count(mark);
    Frame frame;
    frame.is_map = is_map;
    frame.value = is_map ? JsonValue(rapidjson::kObjectType) : JsonValue(rapidjson::kArrayType);
    frame.node = NodeFor(mark);
    frame.anchor = anchor;
    frame.nodes_before = nodes_ - 1;
    frames_.push_back(std::move(frame));
  }

  void Close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.is_map) Merge(frame);
    if (frame.anchor != 0) Remember(frame.anchor, frame.value, nodes_ - frame.nodes_before);
    Attach(std::move(frame.value));
  }

  // Merge keys ("<<: *defaults"): members the map does not set itself are copied in; with a
  // list of maps, earlier maps win.
  void Merge(Frame& frame) {
    for (JsonValue& source : frame.merges) {
      if (source.IsObject()) {
        MergeMembers(frame.value, source);
        continue;
      }
      for (JsonValue& item : source.GetArray()) MergeMembers(frame.value, item);
    }
  }

  void MergeMembers(JsonValue& target, JsonValue& source) {
    for (auto member = source.MemberBegin(); member != source.MemberEnd(); ++member) {
      if (target.FindMember(member->name) != target.MemberEnd()) continue;
      target.AddMember(JsonValue(member->name, Allocator()), JsonValue(member->value, Allocator()),
                       Allocator());
    }
  }

  void Remember(YAML::anchor_t anchor, const JsonValue& value, size_t nodes) {
    anchors_[anchor] = {JsonValue(value, Allocator()), nodes};
  }

  void AddNode(const YAML::Mark& mark, JsonValue value, YAML::anchor_t anchor) {
    Count(mark);
    NodeFor(mark);
    if (anchor != 0) Remember(anchor, value, 1);
    Attach(std::move(value));
  }

  void Attach(JsonValue value) {
    if (frames_.empty()) {
      static_cast<JsonValue&>(document_->json) = std::move(value);
      return;
    }
    Frame& parent = frames_.back();
    if (!parent.is_map) {
      parent.value.PushBack(value, Allocator());
      return;
    }

    parent.want_key = true;
    if (!parent.merge) {
      parent.value.AddMember(StringValue(parent.key, Allocator()), value, Allocator());
      return;
    }
    parent.merge = false;
    if (!IsMergeable(value)) {
      const TextPosition at = document_->source_map.At(parent.key_node);
      throw ReadFailure(at, "a merge key (<<) needs a map or a list of maps");
    }
    parent.merges.push_back(std::move(value));
  }

  static bool IsMergeable(const JsonValue& value) {
    if (value.IsObject()) return true;
    if (!value.IsArray()) return false;
    for (const JsonValue& item : value.GetArray()) {
      if (!item.IsObject()) return false;
    }
    return true;
  }

  std::string_view text_;
  const Chunk& chunk_;
  const Limits& limits_;
  ReadOutcome* out_;

  std::unique_ptr<ParsedDocument> document_;
  std::vector<Frame> frames_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  size_t nodes_ = 0;
  size_t alias_nodes_ = 0;
};

std::string Plain(const YAML::Exception& error) {
  // yaml-cpp prefixes what() with its own 0-based position; the caller reports a 1-based one.
  return error.msg.empty() ? std::string(error.what()) : error.msg;
}

}  // namespace

ReadOutcome ReadDocuments(std::string_view text, const Chunk& chunk, const Limits& limits) {
  ReadOutcome outcome;
  ViewBuffer buffer(text.substr(chunk.offset, chunk.size));
  std::istream stream(&buffer);
  Builder builder(text, chunk, limits, &outcome);

  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const ReadFailure& failure) {
    outcome.ok = false;
    outcome.error_at = failure.where;
    outcome.error = failure.what();
  } catch (const YAML::DeepRecursion& error) {
    outcome.ok = false;
    outcome.error_at = {chunk.offset + static_cast<size_t>(std::max(error.mark.pos, 0)),
                        chunk.first_line + std::max(error.mark.line, 0)};
    outcome.error = "nested too deeply for the YAML parser";
  } catch (const YAML::Exception& error) {
    outcome.ok = false;
    outcome.error_at = {chunk.offset + static_cast<size_t>(std::max(error.mark.pos, 0)),
                        chunk.first_line + std::max(error.mark.line, 0)};
    outcome.error = Plain(error);
  } catch (const std::exception& error) {
    outcome.ok = false;
    outcome.error_at = {chunk.offset, chunk.first_line};
    outcome.error = std::string("cannot read YAML: ") + error.what();
  }
  return outcome;
}

}  // namespace ccspm::manifest
