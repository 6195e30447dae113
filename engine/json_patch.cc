#include "engine/json_patch.h"

#include <charconv>

#include "base/json_text.h"

namespace ccspm::engine {
namespace {

const char* OpName(PatchOp::Kind kind) {
  switch (kind) {
    case PatchOp::Kind::kAdd:
      return "add";
    case PatchOp::Kind::kReplace:
      return "replace";
    case PatchOp::Kind::kRemove:
      return "remove";
    case PatchOp::Kind::kTest:
      return "test";
  }
  return "add";
}

Result<std::vector<std::string>> SplitPointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer[0] != '/') return InvalidError("JSON pointer must start with '/'");

  std::string token;
  for (size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
    } else if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
        return InvalidError("JSON pointer has '~' not followed by 0 or 1");
      }
      token += pointer[++i] == '0' ? '~' : '/';
    } else {
      token += pointer[i];
    }
  }
  return tokens;
}

bool ParseIndex(const std::string& token, size_t* index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), *index);
  return error == std::errc() && end == token.data() + token.size();
}

// Walks to the parent of the last token; nullptr when a step is missing.
JsonValue* FindParent(JsonValue& root, const std::vector<std::string>& tokens) {
  JsonValue* node = &root;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (node->IsObject()) {
      node = FindMember(*node, tokens[i]);
    } else if (size_t index = 0;
               node->IsArray() && ParseIndex(tokens[i], &index) && index < node->Size()) {
      node = &(*node)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
    if (node == nullptr) return nullptr;
  }
  return node;
}

Status ApplyOne(JsonDocument& document, const PatchOp& op) {
  Result<std::vector<std::string>> tokens = SplitPointer(op.pointer);
  if (!tokens.ok()) return tokens.status();
  auto& allocator = document.GetAllocator();
  auto copy = [&] { return JsonValue(*op.value, allocator); };

  if (tokens->empty()) {
    if (op.kind == PatchOp::Kind::kTest) {
      return document == *op.value ? Status::Ok() : InvalidError("test failed at the root");
    }
    if (op.kind == PatchOp::Kind::kRemove) return InvalidError("cannot remove the root");
    document.CopyFrom(*op.value, allocator);
    return Status::Ok();
  }

  JsonValue* parent = FindParent(document, *tokens);
  if (parent == nullptr) return InvalidError("path " + op.pointer + " does not exist");
  const std::string& last = tokens->back();

  if (parent->IsObject()) {
    JsonValue* existing = FindMember(*parent, last);
    switch (op.kind) {
      case PatchOp::Kind::kAdd:
        if (existing != nullptr) {
          *existing = copy();
        } else {
          parent->AddMember(StringValue(last, allocator), copy(), allocator);
        }
        return Status::Ok();
      case PatchOp::Kind::kReplace:
        if (existing == nullptr) return InvalidError("path " + op.pointer + " does not exist");
        *existing = copy();
        return Status::Ok();
      case PatchOp::Kind::kRemove:
        if (existing == nullptr) return InvalidError("path " + op.pointer + " does not exist");
        parent->RemoveMember(last.c_str());
        return Status::Ok();
      case PatchOp::Kind::kTest:
        if (existing == nullptr || *existing != *op.value) {
          return InvalidError("test failed at " + op.pointer);
        }
        return Status::Ok();
    }
  }

  if (!parent->IsArray()) return InvalidError("path " + op.pointer + " does not exist");
  size_t index = 0;
  bool append = op.kind == PatchOp::Kind::kAdd && last == "-";
  if (!append && (!ParseIndex(last, &index) || index > parent->Size() ||
                  (index == parent->Size() && op.kind != PatchOp::Kind::kAdd))) {
    return InvalidError("path " + op.pointer + " is not a valid list index");
  }
  auto at = static_cast<rapidjson::SizeType>(index);
  switch (op.kind) {
    case PatchOp::Kind::kAdd:
      parent->PushBack(copy(), allocator);
      // Move the new item from the end into place.
      for (rapidjson::SizeType i = parent->Size() - 1; !append && i > at; --i) {
        (*parent)[i].Swap((*parent)[i - 1]);
      }
      return Status::Ok();
    case PatchOp::Kind::kReplace:
      (*parent)[at] = copy();
      return Status::Ok();
    case PatchOp::Kind::kRemove:
      parent->Erase(parent->Begin() + at);
      return Status::Ok();
    case PatchOp::Kind::kTest:
      return (*parent)[at] == *op.value ? Status::Ok()
                                        : InvalidError("test failed at " + op.pointer);
  }
  return InternalError("unknown patch operation");
}

}  // namespace

std::string PatchToJson(const std::vector<PatchOp>& ops) {
  std::string json = "[";
  for (const PatchOp& op : ops) {
    if (json.size() > 1) json += ',';
    json += "{\"op\":\"";
    json += OpName(op.kind);
    json += "\",\"path\":";
    AppendJsonString(json, op.pointer);
    if (op.kind != PatchOp::Kind::kRemove) json += ",\"value\":" + ToJson(*op.value);
    json += '}';
  }
  return json + "]";
}

Result<std::vector<PatchOp>> ParsePatch(const JsonValue& patch) {
  if (!patch.IsArray()) return InvalidError("a JSON Patch must be a list of operations");
  std::vector<PatchOp> ops;
  for (rapidjson::SizeType i = 0; i < patch.Size(); ++i) {
    std::string field = "operation " + std::to_string(i);
    std::string_view name = StringMember(patch[i], "op");
    PatchOp op;
    if (name == "add")
      op.kind = PatchOp::Kind::kAdd;
    else if (name == "replace")
      op.kind = PatchOp::Kind::kReplace;
    else if (name == "remove")
      op.kind = PatchOp::Kind::kRemove;
    else if (name == "test")
      op.kind = PatchOp::Kind::kTest;
    else
      return InvalidError(field + ".op: must be add, replace, remove or test");

    const JsonValue* path = FindMember(patch[i], "path");
    if (path == nullptr || !path->IsString()) return InvalidError(field + ".path: required");
    op.pointer = std::string(AsStringView(*path));

    const JsonValue* value = FindMember(patch[i], "value");
    if (value == nullptr && op.kind != PatchOp::Kind::kRemove) {
      return InvalidError(field + ".value: required");
    }
    if (value != nullptr) {
      auto document = std::make_shared<JsonDocument>();
      document->CopyFrom(*value, document->GetAllocator());
      op.value = std::move(document);
    }
    ops.push_back(std::move(op));
  }
  return ops;
}

Status ApplyPatch(JsonDocument& document, const std::vector<PatchOp>& ops) {
  for (size_t i = 0; i < ops.size(); ++i) {
    CCSPM_RETURN_IF_ERROR(
        ApplyOne(document, ops[i]).Prefixed("patch operation " + std::to_string(i)));
  }
  return Status::Ok();
}

}  // namespace ccspm::engine
