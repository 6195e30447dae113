#include "engine/cel/value.h"

#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

const std::string& EmptyString() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace

std::string_view KindTypeName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null_type";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kUint:
      return "uint";
    case Kind::kDouble:
      return "double";
    case Kind::kString:
      return "string";
    case Kind::kBytes:
      return "bytes";
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
    case Kind::kType:
      return "type";
    case Kind::kTimestamp:
      return "google.protobuf.Timestamp";
    case Kind::kDuration:
      return "google.protobuf.Duration";
    case Kind::kOptional:
      return "optional_type";
    case Kind::kIP:
      return "net.IP";
    case Kind::kCIDR:
      return "net.CIDR";
    case Kind::kQuantity:
      return "kubernetes.Quantity";
    case Kind::kURL:
      return "kubernetes.URL";
    case Kind::kSemver:
      return "kubernetes.Semver";
    case Kind::kFormat:
      return "kubernetes.NamedFormat";
    case Kind::kError:
      return "error";
    case Kind::kAny:
      return "dyn";
  }
  return "unknown";
}

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.u_.b = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = Kind::kInt;
  v.u_.i = i;
  return v;
}

Value Value::Uint(uint64_t u) {
  Value v;
  v.kind_ = Kind::kUint;
  v.u_.u = u;
  return v;
}

Value Value::Double(double d) {
  Value v;
  v.kind_ = Kind::kDouble;
  v.u_.d = d;
  return v;
}

Value Value::String(std::string text) {
  Value v;
  v.kind_ = Kind::kString;
  v.rep_ = Rep::kHeap;
  v.u_.heap = new StringObject(std::move(text));
  return v;
}

Value Value::Bytes(std::string data) {
  Value v = String(std::move(data));
  v.kind_ = Kind::kBytes;
  return v;
}

Value Value::StringView(std::string_view text) {
  Value v;
  v.kind_ = Kind::kString;
  v.rep_ = Rep::kBorrowed;
  v.u_.chars = text.data();
  v.aux_ = static_cast<uint32_t>(text.size());
  return v;
}

Value Value::BytesView(std::string_view data) {
  Value v = StringView(data);
  v.kind_ = Kind::kBytes;
  return v;
}

Value Value::Type(std::string_view name) {
  Value v = StringView(name);
  v.kind_ = Kind::kType;
  return v;
}

Value Value::OwnedType(std::string name) {
  Value v = String(std::move(name));
  v.kind_ = Kind::kType;
  return v;
}

Value Value::List(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::kList;
  if (items.empty()) {
    // Filters that keep nothing are most of a policy's results: no allocation for them.
    static const JsonValue kEmptyArray(rapidjson::kArrayType);
    v.rep_ = Rep::kJson;
    v.u_.json = &kEmptyArray;
    return v;
  }
  v.rep_ = Rep::kHeap;
  v.u_.heap = new ListObject(std::move(items));
  return v;
}

Value Value::Map(std::vector<std::pair<Value, Value>> entries) {
  Value v;
  v.kind_ = Kind::kMap;
  v.rep_ = Rep::kHeap;
  v.u_.heap = new MapObject(std::move(entries));
  return v;
}

Value Value::Timestamp(int64_t seconds, int32_t nanos) {
  Value v;
  v.kind_ = Kind::kTimestamp;
  v.u_.i = seconds;
  v.aux_ = static_cast<uint32_t>(nanos);
  return v;
}

Value Value::Duration(int64_t seconds, int32_t nanos) {
  Value v = Timestamp(seconds, nanos);
  v.kind_ = Kind::kDuration;
  return v;
}

Value Value::Optional(Value value) {
  Value v;
  v.kind_ = Kind::kOptional;
  if (value.rep_ == Rep::kJson) {
    // An optional of a JSON node needs no allocation: it borrows the node.
    v.rep_ = Rep::kJson;
    v.u_.json = value.u_.json;
    return v;
  }
  v.rep_ = Rep::kHeap;
  v.u_.heap = new OptionalObject(std::move(value));
  return v;
}

Value Value::OptionalNone() {
  Value v;
  v.kind_ = Kind::kOptional;
  v.rep_ = Rep::kInline;
  return v;
}

Value Value::Error(std::string message) {
  Value v;
  v.kind_ = Kind::kError;
  v.rep_ = Rep::kHeap;
  v.u_.heap = new ErrorObject(std::move(message));
  return v;
}

Value Value::Opaque(Kind kind, OpaqueObject* object) {
  Value v;
  v.kind_ = kind;
  v.rep_ = Rep::kHeap;
  v.u_.heap = object;
  return v;
}

Value Value::FromJson(const JsonValue& json) {
  switch (json.GetType()) {
    case rapidjson::kNullType:
      return Null();
    case rapidjson::kFalseType:
      return Bool(false);
    case rapidjson::kTrueType:
      return Bool(true);
    case rapidjson::kNumberType:
      if (json.IsInt64()) return Int(json.GetInt64());
      return Double(json.GetDouble());
    case rapidjson::kStringType:
      return StringView(AsStringView(json));
    case rapidjson::kArrayType:
    case rapidjson::kObjectType: {
      Value v;
      v.kind_ = json.IsArray() ? Kind::kList : Kind::kMap;
      v.rep_ = Rep::kJson;
      v.u_.json = &json;
      return v;
    }
  }
  return Null();
}

std::string_view Value::text() const {
  if (rep_ == Rep::kBorrowed) return std::string_view(u_.chars, aux_);
  if (rep_ == Rep::kHeap) return static_cast<const StringObject*>(u_.heap)->text;
  return {};
}

size_t Value::list_size() const {
  if (rep_ == Rep::kJson) return u_.json->Size();
  return static_cast<const ListObject*>(u_.heap)->items.size();
}

Value Value::list_at(size_t index) const {
  if (rep_ == Rep::kJson) return FromJson((*u_.json)[static_cast<rapidjson::SizeType>(index)]);
  return static_cast<const ListObject*>(u_.heap)->items[index];
}

size_t Value::map_size() const {
  if (rep_ == Rep::kJson) return u_.json->MemberCount();
  return static_cast<const MapObject*>(u_.heap)->entries.size();
}

Value Value::map_key_at(size_t index) const {
  if (rep_ == Rep::kJson) return FromJson((u_.json->MemberBegin() + index)->name);
  return static_cast<const MapObject*>(u_.heap)->entries[index].first;
}

Value Value::map_value_at(size_t index) const {
  if (rep_ == Rep::kJson) return FromJson((u_.json->MemberBegin() + index)->value);
  return static_cast<const MapObject*>(u_.heap)->entries[index].second;
}

bool Value::map_find_string(std::string_view key, Value* found) const {
  if (rep_ == Rep::kJson) {
    // A member holding null reads as absent: the API server drops null fields from the objects
    // it stores, so a manifest's `securityContext:` (null) must read like no securityContext.
    const JsonValue* member = FindMember(*u_.json, key);
    if (member == nullptr || member->IsNull()) return false;
    if (found != nullptr) *found = FromJson(*member);
    return true;
  }
  for (const auto& [k, v] : static_cast<const MapObject*>(u_.heap)->entries) {
    if (k.kind() == Kind::kString && k.text() == key) {
      if (found != nullptr) *found = v;
      return true;
    }
  }
  return false;
}

Value Value::map_optional_field(std::string_view key) const {
  if (rep_ == Rep::kJson) {
    const JsonValue* member = FindMember(*u_.json, key);
    if (member == nullptr || member->IsNull()) return OptionalNone();
    Value v;
    v.kind_ = Kind::kOptional;
    v.rep_ = Rep::kJson;
    v.u_.json = member;
    return v;
  }
  Value found;
  if (!map_find_string(key, &found)) return OptionalNone();
  return Optional(std::move(found));
}

bool Value::map_find(const Value& key, Value* found) const {
  if (key.kind() == Kind::kString) return map_find_string(key.text(), found);
  if (rep_ == Rep::kJson) return false;
  for (const auto& [k, v] : static_cast<const MapObject*>(u_.heap)->entries) {
    if (KeysEqual(k, key)) {
      if (found != nullptr) *found = v;
      return true;
    }
  }
  return false;
}

bool Value::has_value() const { return rep_ != Rep::kInline; }

Value Value::optional_value() const {
  if (rep_ == Rep::kJson) return FromJson(*u_.json);
  if (rep_ == Rep::kHeap) return static_cast<const OptionalObject*>(u_.heap)->value;
  return Null();
}

const std::string& Value::error_message() const {
  if (kind_ != Kind::kError) return EmptyString();
  return static_cast<const ErrorObject*>(u_.heap)->message;
}

int32_t Value::error_offset() const { return static_cast<const ErrorObject*>(u_.heap)->offset; }

void Value::SetErrorOffsetIfUnset(int32_t offset) {
  auto* error = static_cast<ErrorObject*>(u_.heap);
  // Errors are immutable once shared; only a fresh error (one owner) takes a position.
  if (error->offset < 0 && error->unique()) error->offset = offset;
}

}  // namespace ccspm::cel
