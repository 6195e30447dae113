// JSON Patch (RFC 6902) operations: built by the engine's fixes, sent by the webhook and the
// controller, and applied in memory by the CLI and the test fakes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/json.h"

namespace ccspm::engine {

struct PatchOp {
  enum class Kind { kAdd, kReplace, kRemove, kTest };

  Kind kind = Kind::kAdd;
  std::string pointer;                        // RFC 6901, already escaped.
  std::shared_ptr<const JsonDocument> value;  // Unused by kRemove.
};

// The operations as a JSON Patch document: [{"op":"add","path":"/a","value":1}, ...].
JsonDocument PatchDocument(const std::vector<PatchOp>& ops);

// The same document as compact JSON text (what the webhook sends, base64-encoded).
std::string PatchToJson(const std::vector<PatchOp>& ops);

// Parses a JSON Patch document; errors name the operation index and field.
Result<std::vector<PatchOp>> ParsePatch(const JsonValue& patch);

// Applies `ops` in order to `document`, all or nothing (base/json_patch.h).
Status ApplyPatch(JsonDocument& document, const std::vector<PatchOp>& ops);

}  // namespace ccspm::engine
