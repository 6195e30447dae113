// Writes a JSON value back as a manifest document, for `ccspm fix`.
#pragma once

#include <string>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::manifest {

enum class EmitStyle {
  kYaml,  // Block style, two-space indent, keys in JSON member order.
  kJson,  // Indented JSON, for documents that were JSON.
};

// The text of `value` (no "---" line, ending in a newline), checked to read back as the same
// value: strings that kubectl would read as another type ("yes", "0755", "") are quoted, and
// if the YAML still reads back differently the JSON form is used, which always does.
// Fails (internal) only when neither form reads back as `value`.
Result<std::string> EmitDocument(const JsonValue& value, EmitStyle style);

}  // namespace ccspm::manifest
