// Conversion of the conformance tests' value encoding (cel.expr.Value rendered as JSON) into
// CEL values, and the strict comparison a conformance result needs.
#pragma once

#include <string>

#include "base/json.h"
#include "engine/cel/value.h"

namespace ccspm::cel::conformance {

// Converts `{int64_value: "1"}`, `{list_value: {values: [...]}}`, ... Fails (false, *error set)
// for encodings this engine has no value for (message objects other than Duration/Timestamp).
bool ToValue(const JsonValue& encoded, Value* out, std::string* error);

// Same type and same value: unlike CEL's ==, 1 and 1u differ, and NaN matches NaN.
bool SameValue(const Value& a, const Value& b);

}  // namespace ccspm::cel::conformance
