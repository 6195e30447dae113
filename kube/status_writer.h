// Writing the status subresource: what a controller reports, apart from what users asked for.
#pragma once

#include <string_view>

#include "base/json.h"
#include "base/status.h"
#include "kube/object_writer.h"
#include "kube/resource.h"

namespace ccspm::kube {

// Implementations are thread-safe.
class StatusWriter {
 public:
  virtual ~StatusWriter() = default;

  // Merge-patches /status of the named object, e.g. {"status":{"conditions":[...]}}; only the
  // status stanza changes. Returns the stored object.
  virtual Result<JsonDocument> PatchStatus(const ResourceType& type, std::string_view ns,
                                           std::string_view name, const JsonValue& merge_patch,
                                           const WriteOptions& options = {}) = 0;
};

}  // namespace ccspm::kube
