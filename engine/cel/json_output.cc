// ToJsonText: the JSON text of a CEL value (see cel.h for the mapping).
#include <cmath>

#include "base/base64.h"
#include "engine/cel/cel.h"
#include "engine/cel/lib_util.h"
#include "engine/cel/time_util.h"
#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

void AppendQuoted(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8(text, &pos);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(c));
          *out += buffer;
        } else {
          AppendUtf8(c, out);  // Invalid input bytes come out as U+FFFD.
        }
    }
  }
  out->push_back('"');
}

void Append(const Value& v, std::string* out, int depth);

std::string KeyText(const Value& key) {
  if (key.kind() == Kind::kString) return std::string(key.text());
  return ToJsonText(key);
}

void Append(const Value& v, std::string* out, int depth) {
  if (depth > 512) {
    *out += "null";
    return;
  }
  switch (v.kind()) {
    case Kind::kNull:
      *out += "null";
      return;
    case Kind::kBool:
      *out += v.bool_value() ? "true" : "false";
      return;
    case Kind::kInt:
      *out += std::to_string(v.int_value());
      return;
    case Kind::kUint:
      *out += std::to_string(v.uint_value());
      return;
    case Kind::kDouble:
      if (std::isfinite(v.double_value())) {
        *out += FormatDouble(v.double_value());
      } else {
        AppendQuoted(FormatDouble(v.double_value()), out);
      }
      return;
    case Kind::kString:
    case Kind::kType:
      AppendQuoted(v.text(), out);
      return;
    case Kind::kBytes:
      AppendQuoted(::ccspm::Base64Encode(v.text()), out);
      return;
    case Kind::kTimestamp:
      AppendQuoted(FormatTimestamp(v.seconds(), v.nanos()), out);
      return;
    case Kind::kDuration:
      AppendQuoted(FormatDuration(v.seconds(), v.nanos()), out);
      return;
    case Kind::kList:
      out->push_back('[');
      for (size_t i = 0; i < v.list_size(); ++i) {
        if (i > 0) out->push_back(',');
        Append(v.list_at(i), out, depth + 1);
      }
      out->push_back(']');
      return;
    case Kind::kMap:
      out->push_back('{');
      for (size_t i = 0; i < v.map_size(); ++i) {
        if (i > 0) out->push_back(',');
        AppendQuoted(KeyText(v.map_key_at(i)), out);
        out->push_back(':');
        Append(v.map_value_at(i), out, depth + 1);
      }
      out->push_back('}');
      return;
    case Kind::kOptional:
      if (v.has_value()) {
        Append(v.optional_value(), out, depth + 1);
      } else {
        *out += "null";
      }
      return;
    case Kind::kError:
      AppendQuoted(v.error_message(), out);
      return;
    default:
      AppendQuoted(v.opaque()->ToString(), out);
      return;
  }
}

}  // namespace

std::string ToJsonText(const Value& value) {
  std::string out;
  Append(value, &out, 0);
  return out;
}

}  // namespace ccspm::cel
