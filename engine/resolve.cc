#include "engine/resolve.h"

#include <algorithm>

namespace ccspm::engine {
namespace {

bool OnlyKeysFrom(const std::vector<PathSegment>& segments, size_t from) {
  return std::all_of(segments.begin() + static_cast<std::ptrdiff_t>(from), segments.end(),
                     [](const PathSegment& s) { return s.type == PathSegment::Type::kKey; });
}

bool ItemFieldEquals(const JsonValue& item, const PathSegment& segment) {
  const JsonValue* field = FindMember(item, segment.key);
  if (field == nullptr) return false;
  if (field->IsString()) return AsStringView(*field) == segment.match_value;
  if (field->IsInt64()) return std::to_string(field->GetInt64()) == segment.match_value;
  if (field->IsBool()) return (field->GetBool() ? "true" : "false") == segment.match_value;
  return false;
}

class Resolver {
 public:
  Resolver(const std::vector<PathSegment>& segments, std::vector<Target>& out)
      : segments_(segments), out_(out) {}

  void Walk(const JsonValue* node, size_t depth, ConcretePath& path) {
    if (depth == segments_.size()) {
      bool null = node->IsNull();
      out_.push_back({path, null ? nullptr : node, path.size() - (null ? 1 : 0), null, false});
      return;
    }
    const PathSegment& segment = segments_[depth];
    if (segment.type == PathSegment::Type::kKey) {
      WalkKey(node, depth, path);
    } else if (segment.type == PathSegment::Type::kAnyOfKeys) {
      WalkAlternatives(*node, depth, path);
    } else if (node->IsArray()) {
      WalkList(*node, depth, path);
    }
    // A list segment over a missing list or a non-list names no place: nothing to check.
  }

 private:
  void WalkKey(const JsonValue* node, size_t depth, ConcretePath& path) {
    const PathSegment& segment = segments_[depth];
    const JsonValue* child = node->IsObject() ? FindMember(*node, segment.key) : nullptr;
    if (child != nullptr && !(child->IsNull() && depth + 1 < segments_.size())) {
      path.push_back({false, segment.key, 0});
      Walk(child, depth + 1, path);
      path.pop_back();
      return;
    }
    if (!OnlyKeysFrom(segments_, depth)) return;

    // The place is absent from here on: name it fully so a fix can create it.
    Target target;
    target.path = path;
    target.existing_steps = path.size();
    target.null_at_gap = child != nullptr;
    target.blocked = !node->IsObject();
    for (size_t i = depth; i < segments_.size(); ++i) {
      target.path.push_back({false, segments_[i].key, 0});
    }
    out_.push_back(std::move(target));
  }

  // Only the alternatives that exist name places: "every container list" on a Pod without
  // init containers has nothing to check or fill there.
  void WalkAlternatives(const JsonValue& node, size_t depth, ConcretePath& path) {
    for (const std::string& key : segments_[depth].keys) {
      const JsonValue* child = FindMember(node, key);
      if (child == nullptr || child->IsNull()) continue;
      path.push_back({false, key, 0});
      Walk(child, depth + 1, path);
      path.pop_back();
    }
  }

  void WalkList(const JsonValue& list, size_t depth, ConcretePath& path) {
    const PathSegment& segment = segments_[depth];
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      bool selected =
          segment.type == PathSegment::Type::kEvery ||
          (segment.type == PathSegment::Type::kIndex && segment.index == i) ||
          (segment.type == PathSegment::Type::kItemWhere && ItemFieldEquals(list[i], segment));
      if (!selected) continue;
      path.push_back({true, "", i});
      Walk(&list[i], depth + 1, path);
      path.pop_back();
    }
  }

  const std::vector<PathSegment>& segments_;
  std::vector<Target>& out_;
};

}  // namespace

std::vector<Target> ResolveTargets(const JsonValue& object, const FieldPath& path) {
  std::vector<Target> targets;
  ConcretePath current;
  Resolver(path.segments(), targets).Walk(&object, 0, current);
  return targets;
}

}  // namespace ccspm::engine
