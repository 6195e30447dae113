#include "manifest/source_map.h"

#include <charconv>
#include <string>

namespace ccspm::manifest {
namespace {

// The next reference token of `pointer`, unescaped ("~1" is '/', "~0" is '~'). Tokens without
// escapes (nearly all) are returned as views of `pointer`; `storage` holds the others.
std::string_view NextToken(std::string_view* pointer, std::string* storage) {
  pointer->remove_prefix(1);  // The '/'.
  const size_t end = pointer->find('/');
  const std::string_view raw = pointer->substr(0, end);
  pointer->remove_prefix(end == std::string_view::npos ? pointer->size() : end);
  if (raw.find('~') == std::string_view::npos) return raw;

  storage->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size()) {
      *storage += raw[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      *storage += raw[i];
    }
  }
  return *storage;
}

}  // namespace

uint32_t SourceMap::Add(uint32_t parent, TextPosition where) {
  const auto id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back({where});
  if (parent == kNone) return id;

  Node& up = nodes_[parent];
  if (up.first_child == kNone) {
    up.first_child = id;
  } else {
    nodes_[up.last_child].next_sibling = id;
  }
  up.last_child = id;
  return id;
}

uint32_t SourceMap::Child(uint32_t id, size_t index) const {
  uint32_t child = nodes_[id].first_child;
  for (size_t i = 0; i < index && child != kNone; ++i) child = nodes_[child].next_sibling;
  return child;
}

TextPosition SourceMap::Find(const JsonValue& root, std::string_view pointer) const {
  if (nodes_.empty()) return {};

  uint32_t node = 0;
  const JsonValue* value = &root;
  std::string storage;
  while (!pointer.empty() && pointer[0] == '/') {
    const std::string_view token = NextToken(&pointer, &storage);
    size_t index = 0;
    const JsonValue* next = nullptr;
    if (value->IsObject()) {
      for (auto member = value->MemberBegin(); member != value->MemberEnd(); ++member, ++index) {
        if (AsStringView(member->name) == token) {
          next = &member->value;
          break;
        }
      }
    } else if (value->IsArray()) {
      auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (error == std::errc() && end == token.data() + token.size() && index < value->Size()) {
        next = &(*value)[static_cast<rapidjson::SizeType>(index)];
      }
    }
    if (next == nullptr) break;

    const uint32_t child = Child(node, index);
    if (child == kNone) break;
    node = child;
    value = next;
  }
  return nodes_[node].where;
}

}  // namespace ccspm::manifest
