// The JSON writer of the machine-readable reports, with text always made valid UTF-8 first
// (file names and values may not be).
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>
#include <vector>

#include "manifest/position.h"
#include "manifest/text_check.h"

namespace ccspm::cli::scan {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

inline void WriteText(JsonWriter& writer, std::string_view text) {
  const std::string valid = manifest::ValidUtf8(text);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

inline void WriteField(JsonWriter& writer, const char* key, std::string_view text) {
  writer.Key(key);
  WriteText(writer, text);
}

inline void WriteTexts(JsonWriter& writer, const std::vector<std::string>& texts) {
  writer.StartArray();
  for (const std::string& text : texts) WriteText(writer, text);
  writer.EndArray();
}

}  // namespace ccspm::cli::scan
