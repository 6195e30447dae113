// Small helpers for writing JSON text by hand where a DOM would be overkill.
#pragma once

#include <string>
#include <string_view>

namespace ccspm {

// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
// Bytes that are not valid UTF-8 are replaced with U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace ccspm
