// Changing objects: create, patch and delete.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "base/status.h"
#include "kube/resource.h"

namespace ccspm::kube {

enum class PatchType {
  kJsonPatch,   // RFC 6902 operations, application/json-patch+json.
  kMergePatch,  // RFC 7386 merge document, application/merge-patch+json.
};

struct WriteOptions {
  bool dry_run = false;                 // Validate and admit, store nothing.
  std::string field_manager = "ccspm";  // Recorded in managedFields.
};

// Implementations are thread-safe. Write conflicts are kConflict (retry after a fresh read);
// rejected content is kInvalid carrying the API server's message.
class ObjectWriter {
 public:
  virtual ~ObjectWriter() = default;

  // Creates `object` in `ns` (ignored when cluster-scoped); returns the stored object.
  virtual Result<JsonDocument> Create(const ResourceType& type, std::string_view ns,
                                      const JsonValue& object,
                                      const WriteOptions& options = {}) = 0;

  // Applies `patch` to the named object; returns the stored result. A JSON patch is an array of
  // operations; a "test" of metadata.resourceVersion makes it conditional.
  virtual Result<JsonDocument> Patch(const ResourceType& type, std::string_view ns,
                                     std::string_view name, PatchType patch_type,
                                     const JsonValue& patch, const WriteOptions& options = {}) = 0;

  // Deletes the named object (kNotFound when it is already gone).
  virtual Status Delete(const ResourceType& type, std::string_view ns, std::string_view name,
                        const WriteOptions& options = {}) = 0;
};

}  // namespace ccspm::kube
