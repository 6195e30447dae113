#include "base/json_patch.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace ccspm {
namespace {

// Splits a JSON pointer ("/a/b~1c") into unescaped tokens; "" is the whole document.
Result<std::vector<std::string>> ParsePointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') return InvalidError("JSON pointer must start with '/'");

  std::string token;
  for (size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~') {
      char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1') return InvalidError("bad '~' escape in JSON pointer");
      token += next == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return tokens;
}

// An array index token: digits without leading zeros, below `limit`.
bool ParseIndex(const std::string& token, size_t limit, size_t* index) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return false;
  size_t value = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<size_t>(c - '0');
  }
  *index = value;
  return value < limit;
}

// The value at `tokens`[0, count), or nullptr.
JsonValue* Walk(JsonValue& root, const std::vector<std::string>& tokens, size_t count) {
  JsonValue* current = &root;
  for (size_t i = 0; i < count && current != nullptr; ++i) {
    if (current->IsObject()) {
      current = FindMember(*current, tokens[i]);
    } else if (current->IsArray()) {
      size_t index = 0;
      current = ParseIndex(tokens[i], current->Size(), &index) ? &(*current)[index] : nullptr;
    } else {
      current = nullptr;
    }
  }
  return current;
}

class Patcher {
 public:
  explicit Patcher(JsonDocument& document) : document_(document) {}

  Status Apply(const JsonValue& operation);

 private:
  Status Add(const std::vector<std::string>& path, JsonValue value);
  Result<JsonValue> Remove(const std::vector<std::string>& path);
  JsonValue* Find(const std::vector<std::string>& path) {
    return Walk(document_, path, path.size());
  }

  JsonDocument& document_;
};

Status Patcher::Add(const std::vector<std::string>& path, JsonValue value) {
  if (path.empty()) {
    static_cast<JsonValue&>(document_) = value;
    return Status::Ok();
  }
  JsonValue* parent = Walk(document_, path, path.size() - 1);
  const std::string& last = path.back();
  auto& allocator = document_.GetAllocator();

  if (parent != nullptr && parent->IsObject()) {
    if (JsonValue* existing = FindMember(*parent, last)) {
      *existing = value;
    } else {
      parent->AddMember(StringValue(last, allocator), value, allocator);
    }
    return Status::Ok();
  }
  if (parent != nullptr && parent->IsArray()) {
    size_t index = parent->Size();
    if (last != "-" && !ParseIndex(last, parent->Size() + 1, &index)) {
      return InvalidError("array index " + last + " is out of range");
    }
    parent->PushBack(value, allocator);
    // Rotate the new last element down to its index.
    for (size_t i = parent->Size() - 1; i > index; --i) (*parent)[i].Swap((*parent)[i - 1]);
    return Status::Ok();
  }
  return InvalidError("the parent of the target does not exist");
}

Result<JsonValue> Patcher::Remove(const std::vector<std::string>& path) {
  if (path.empty()) return InvalidError("cannot remove the whole document");
  JsonValue* parent = Walk(document_, path, path.size() - 1);
  const std::string& last = path.back();

  if (parent != nullptr && parent->IsObject()) {
    auto member = parent->FindMember(StringValue(last, document_.GetAllocator()));
    if (member == parent->MemberEnd()) return InvalidError("member " + last + " does not exist");
    JsonValue removed(std::move(member->value));
    parent->EraseMember(member);
    return removed;
  }
  size_t index = 0;
  if (parent != nullptr && parent->IsArray() && ParseIndex(last, parent->Size(), &index)) {
    JsonValue removed(std::move((*parent)[index]));
    parent->Erase(parent->Begin() + index);
    return removed;
  }
  return InvalidError("the target does not exist");
}

Status Patcher::Apply(const JsonValue& operation) {
  std::string_view op = StringMember(operation, "op");
  const JsonValue* path_text = FindMember(operation, "path");
  if (path_text == nullptr || !path_text->IsString()) return InvalidError("operation has no path");
  Result<std::vector<std::string>> path = ParsePointer(AsStringView(*path_text));
  if (!path.ok()) return path.status();
  auto& allocator = document_.GetAllocator();

  const JsonValue* value = FindMember(operation, "value");
  if ((op == "add" || op == "replace" || op == "test") && value == nullptr) {
    return InvalidError(std::string(op) + " operation has no value");
  }
  if (op == "add") return Add(*path, JsonValue(*value, allocator));
  if (op == "remove") return Remove(*path).status();
  if (op == "replace") {
    JsonValue* target = Find(*path);
    if (target == nullptr) return InvalidError("replace target does not exist");
    *target = JsonValue(*value, allocator);
    return Status::Ok();
  }
  if (op == "test") {
    JsonValue* target = Find(*path);
    if (target == nullptr || *target != *value) {
      return InvalidError("test operation failed at " + std::string(AsStringView(*path_text)));
    }
    return Status::Ok();
  }

  // move and copy read a second pointer.
  const JsonValue* from_text = FindMember(operation, "from");
  if (from_text == nullptr || !from_text->IsString()) {
    return InvalidError(std::string(op) + " operation has no from");
  }
  Result<std::vector<std::string>> from = ParsePointer(AsStringView(*from_text));
  if (!from.ok()) return from.status();
  if (op == "copy") {
    JsonValue* source = Find(*from);
    if (source == nullptr) return InvalidError("copy source does not exist");
    return Add(*path, JsonValue(*source, allocator));
  }
  if (op == "move") {
    bool into_itself =
        path->size() > from->size() && std::equal(from->begin(), from->end(), path->begin());
    if (into_itself) return InvalidError("cannot move a value into itself");
    Result<JsonValue> moved = Remove(*from);
    if (!moved.ok()) return moved.status();
    return Add(*path, std::move(moved).value());
  }
  return InvalidError("unknown JSON patch operation \"" + std::string(op) + "\"");
}

}  // namespace

Status ApplyJsonPatch(const JsonValue& patch, JsonDocument& target) {
  if (!patch.IsArray()) return InvalidError("a JSON patch must be an array");

  // Work on a copy so a failing operation leaves the target as it was.
  JsonDocument working;
  working.CopyFrom(target, working.GetAllocator());
  Patcher patcher(working);
  for (rapidjson::SizeType i = 0; i < patch.Size(); ++i) {
    if (!patch[i].IsObject()) return InvalidError("JSON patch operation is not an object");
    Status applied = patcher.Apply(patch[i]);
    if (!applied.ok()) return applied.Prefixed("JSON patch operation " + std::to_string(i));
  }
  target.Swap(working);
  return Status::Ok();
}

void ApplyMergePatch(const JsonValue& patch, JsonValue& target,
                     JsonDocument::AllocatorType& allocator) {
  if (!patch.IsObject()) {
    target.CopyFrom(patch, allocator);
    return;
  }
  if (!target.IsObject()) target.SetObject();

  for (const auto& member : patch.GetObject()) {
    std::string_view key = AsStringView(member.name);
    if (member.value.IsNull()) {
      target.EraseMember(StringValue(key, allocator));
      continue;
    }
    JsonValue* existing = FindMember(target, key);
    if (existing == nullptr) {
      target.AddMember(StringValue(key, allocator), JsonValue(), allocator);
      existing = &(target.MemberEnd() - 1)->value;
    }
    ApplyMergePatch(member.value, *existing, allocator);
  }
}

}  // namespace ccspm
