// RFC 6902 JSON Patch and RFC 7386 JSON Merge Patch, applied to documents in memory.
#pragma once

#include "base/json.h"
#include "base/status.h"

namespace ccspm {

// Applies the operations of `patch` (an array) to `target` in order. All or nothing: on any
// error (bad operation, missing path, failed "test") `target` is left unchanged and the error
// is kInvalid, as the API server answers 422.
Status ApplyJsonPatch(const JsonValue& patch, JsonDocument& target);

// Merges `patch` into `target`: members set to null are removed, objects merge recursively,
// anything else replaces. Never fails.
void ApplyMergePatch(const JsonValue& patch, JsonValue& target,
                     JsonDocument::AllocatorType& allocator);

}  // namespace ccspm
