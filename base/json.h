// JSON documents (RapidJSON) with errors as values, and the small accessors every layer needs.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace ccspm {

using JsonValue = rapidjson::Value;
using JsonDocument = rapidjson::Document;

// Parses `text`; a syntax error says the line, column and reason. Rejects documents nested deeper
// than `max_depth` so untrusted input cannot exhaust the stack.
Result<JsonDocument> ParseJson(std::string_view text, int max_depth = 512);

// Compact JSON text of `value`.
std::string ToJson(const JsonValue& value);

// Member `key` of an object, or nullptr when `value` is not an object or lacks it.
const JsonValue* FindMember(const JsonValue& value, std::string_view key);
JsonValue* FindMember(JsonValue& value, std::string_view key);

// Member `key` as text, or `fallback` when absent or not a string.
std::string_view StringMember(const JsonValue& value, std::string_view key,
                              std::string_view fallback = {});

// Follows a dotted path of object keys ("metadata.name"); nullptr when any step is missing.
const JsonValue* FindPath(const JsonValue& value, std::string_view dotted_path);

inline std::string_view AsStringView(const JsonValue& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

inline JsonValue StringValue(std::string_view text, JsonDocument::AllocatorType& allocator) {
  return JsonValue(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

}  // namespace ccspm
