#include "engine/json_patch.h"

#include "base/json_patch.h"

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

}  // namespace

JsonDocument PatchDocument(const std::vector<PatchOp>& ops) {
  JsonDocument patch(rapidjson::kArrayType);
  auto& allocator = patch.GetAllocator();
  for (const PatchOp& op : ops) {
    JsonValue item(rapidjson::kObjectType);
    item.AddMember("op", rapidjson::StringRef(OpName(op.kind)), allocator);
    item.AddMember("path", StringValue(op.pointer, allocator), allocator);
    if (op.kind != PatchOp::Kind::kRemove) {
      item.AddMember("value", JsonValue(*op.value, allocator), allocator);
    }
    patch.PushBack(item, allocator);
  }
  return patch;
}

std::string PatchToJson(const std::vector<PatchOp>& ops) { return ToJson(PatchDocument(ops)); }

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
  return ApplyJsonPatch(PatchDocument(ops), document);
}

}  // namespace ccspm::engine
