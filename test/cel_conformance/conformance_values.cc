#include "base/base64.h"
#include "test/cel_conformance/conformance_values.h"

#include <cmath>
#include <cstdlib>

#include "engine/cel/lib_util.h"
#include "engine/cel/time_util.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel::conformance {

namespace {

bool ToDouble(const JsonValue& json, double* out) {
  if (json.IsNumber()) {
    *out = json.GetDouble();
    return true;
  }
  if (!json.IsString()) return false;
  const std::string_view text = AsStringView(json);
  if (text == "NaN")
    *out = std::nan("");
  else if (text == "Infinity")
    *out = INFINITY;
  else if (text == "-Infinity")
    *out = -INFINITY;
  else
    return false;
  return true;
}

bool ObjectValue(const JsonValue& object, Value* out, std::string* error) {
  const std::string_view type = StringMember(object, "@type");
  const std::string_view text = StringMember(object, "value");
  if (type == "type.googleapis.com/google.protobuf.Duration") {
    *out = ParseDuration(text);
  } else if (type == "type.googleapis.com/google.protobuf.Timestamp") {
    *out = ParseTimestamp(text);
  } else {
    *error = "protobuf message " + std::string(type);
    return false;
  }
  return !out->is_error();
}

}  // namespace

bool ToValue(const JsonValue& encoded, Value* out, std::string* error) {
  if (!encoded.IsObject() || encoded.MemberCount() == 0) {
    *error = "empty value encoding";
    return false;
  }
  const auto& member = *encoded.MemberBegin();
  const std::string_view kind = AsStringView(member.name);
  const JsonValue& v = member.value;

  if (kind == "int64_value") {
    *out = Value::Int(std::strtoll(std::string(AsStringView(v)).c_str(), nullptr, 10));
  } else if (kind == "uint64_value") {
    *out = Value::Uint(std::strtoull(std::string(AsStringView(v)).c_str(), nullptr, 10));
  } else if (kind == "double_value") {
    double d = 0;
    if (!ToDouble(v, &d)) return (*error = "bad double", false);
    *out = Value::Double(d);
  } else if (kind == "string_value") {
    *out = Value::String(std::string(AsStringView(v)));
  } else if (kind == "bytes_value") {
    Result<std::string> bytes = ::ccspm::Base64Decode(AsStringView(v));
    if (!bytes.ok()) return (*error = "bad base64", false);
    *out = Value::Bytes(std::move(bytes).value());
  } else if (kind == "bool_value") {
    *out = Value::Bool(v.GetBool());
  } else if (kind == "null_value") {
    *out = Value::Null();
  } else if (kind == "type_value") {
    *out = Value::OwnedType(std::string(AsStringView(v)));
  } else if (kind == "list_value") {
    std::vector<Value> items;
    if (const JsonValue* values = FindMember(v, "values"); values != nullptr) {
      for (const JsonValue& item : values->GetArray()) {
        Value converted;
        if (!ToValue(item, &converted, error)) return false;
        items.push_back(std::move(converted));
      }
    }
    *out = Value::List(std::move(items));
  } else if (kind == "map_value") {
    std::vector<std::pair<Value, Value>> entries;
    if (const JsonValue* list = FindMember(v, "entries"); list != nullptr) {
      for (const JsonValue& entry : list->GetArray()) {
        Value key, value;
        const JsonValue* k = FindMember(entry, "key");
        const JsonValue* val = FindMember(entry, "value");
        if (k == nullptr || val == nullptr) return (*error = "bad map entry", false);
        if (!ToValue(*k, &key, error) || !ToValue(*val, &value, error)) return false;
        entries.emplace_back(std::move(key), std::move(value));
      }
    }
    *out = Value::Map(std::move(entries));
  } else if (kind == "object_value") {
    return ObjectValue(v, out, error);
  } else {
    *error = "unsupported value encoding " + std::string(kind);
    return false;
  }
  return true;
}

bool SameValue(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kDouble:
      if (std::isnan(a.double_value())) return std::isnan(b.double_value());
      return a.double_value() == b.double_value() &&
             std::signbit(a.double_value()) == std::signbit(b.double_value());
    case Kind::kList:
      if (a.list_size() != b.list_size()) return false;
      for (size_t i = 0; i < a.list_size(); ++i) {
        if (!SameValue(a.list_at(i), b.list_at(i))) return false;
      }
      return true;
    case Kind::kMap:
      if (a.map_size() != b.map_size()) return false;
      for (size_t i = 0; i < a.map_size(); ++i) {
        Value other;
        if (!b.map_find(a.map_key_at(i), &other)) return false;
        if (!SameValue(a.map_value_at(i), other)) return false;
      }
      return true;
    default:
      return ValuesEqual(a, b);
  }
}

}  // namespace ccspm::cel::conformance
