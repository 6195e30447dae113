#include "base/json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace ccspm {
namespace {

// Largest nesting depth of `text`, counting brackets outside strings; stops early past `limit`.
int NestingDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[')
      deepest = std::max(deepest, ++depth);
    else if (c == '}' || c == ']')
      --depth;
    if (deepest > limit) break;
  }
  return deepest;
}

void LineAndColumn(std::string_view text, size_t offset, size_t* line, size_t* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else {
      ++*column;
    }
  }
}

}  // namespace

Result<JsonDocument> ParseJson(std::string_view text, int max_depth) {
  if (NestingDepth(text, max_depth) > max_depth) {
    return InvalidError("JSON nested deeper than " + std::to_string(max_depth) + " levels");
  }

  JsonDocument document;
  // Full precision: the default fast path can be one step off for doubles such as 1.38e-23.
  document.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    size_t line = 0;
    size_t column = 0;
    LineAndColumn(text, document.GetErrorOffset(), &line, &column);
    return InvalidError("invalid JSON at line " + std::to_string(line) + ", column " +
                        std::to_string(column) + ": " +
                        rapidjson::GetParseError_En(document.GetParseError()));
  }
  return document;
}

std::string ToJson(const JsonValue& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

const JsonValue* FindMember(const JsonValue& value, std::string_view key) {
  if (!value.IsObject()) return nullptr;
  auto it = value.FindMember(
      JsonValue(rapidjson::StringRef(key.data(), static_cast<rapidjson::SizeType>(key.size()))));
  return it == value.MemberEnd() ? nullptr : &it->value;
}

JsonValue* FindMember(JsonValue& value, std::string_view key) {
  return const_cast<JsonValue*>(FindMember(static_cast<const JsonValue&>(value), key));
}

std::string_view StringMember(const JsonValue& value, std::string_view key,
                              std::string_view fallback) {
  const JsonValue* member = FindMember(value, key);
  if (member == nullptr || !member->IsString()) return fallback;
  return AsStringView(*member);
}

const JsonValue* FindPath(const JsonValue& value, std::string_view dotted_path) {
  const JsonValue* current = &value;
  while (current != nullptr && !dotted_path.empty()) {
    size_t dot = dotted_path.find('.');
    current = FindMember(*current, dotted_path.substr(0, dot));
    dotted_path = dot == std::string_view::npos ? std::string_view() : dotted_path.substr(dot + 1);
  }
  return current;
}

}  // namespace ccspm
