// The CEL value: a small (16-byte) handle that is either inline (null, bool, numbers, time),
// borrowed (a string or a JSON node owned by someone else), or a reference-counted heap object
// (computed strings, lists, maps, optionals, errors, extension types).
//
// Values over JSON: Value::FromJson wraps a `const rapidjson::Value&` without copying it. A JSON
// object is a CEL map with string keys, an array is a list, a number with an integral
// representation in int64 is an int, any other number is a double. Nested nodes are wrapped
// lazily as they are selected.
//
// Lifetime contract: a borrowed value (FromJson, StringView, BytesView) is valid while what it
// borrows lives; the evaluator only borrows from the bound documents and the compiled Program,
// so a result is valid while both live. Heap values are immutable once built and their reference
// count is atomic, so values may be shared between threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"

namespace ccspm::cel {

enum class Kind : uint8_t {
  kNull,
  kBool,
  kInt,
  kUint,
  kDouble,
  kString,
  kBytes,
  kList,
  kMap,
  kType,
  kTimestamp,
  kDuration,
  kOptional,
  kIP,
  kCIDR,
  kQuantity,
  kURL,
  kSemver,
  kFormat,
  kError,
  kAny,  // Only in overload signatures: matches every kind.
};

// The CEL type name of a kind ("int", "google.protobuf.Timestamp", "net.IP", ...).
std::string_view KindTypeName(Kind kind);

// Base of every heap payload. Reference counting is intrusive and atomic.
class HeapObject {
 public:
  HeapObject() = default;
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;
  virtual ~HeapObject() = default;

  void Ref() const { refs_.fetch_add(1, std::memory_order_relaxed); }
  void Unref() const {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  bool unique() const { return refs_.load(std::memory_order_acquire) == 1; }

 private:
  mutable std::atomic<int32_t> refs_{1};
};

class Value;

// An extension value (IP, CIDR, Quantity, URL, Semver): equality and its text form.
class OpaqueObject : public HeapObject {
 public:
  virtual bool Equals(const OpaqueObject& other) const = 0;
  virtual std::string ToString() const = 0;
};

class Value {
 public:
  Value() = default;
  Value(const Value& other) : kind_(other.kind_), rep_(other.rep_), aux_(other.aux_), u_(other.u_) {
    if (rep_ == Rep::kHeap) u_.heap->Ref();
  }
  Value(Value&& other) noexcept
      : kind_(other.kind_), rep_(other.rep_), aux_(other.aux_), u_(other.u_) {
    other.rep_ = Rep::kInline;
    other.kind_ = Kind::kNull;
  }
  Value& operator=(const Value& other) {
    if (this != &other) {
      Value copy(other);
      Swap(copy);
    }
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    Value moved(std::move(other));
    Swap(moved);
    return *this;
  }
  ~Value() {
    if (rep_ == Rep::kHeap) u_.heap->Unref();
  }

  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Uint(uint64_t u);
  static Value Double(double d);
  static Value String(std::string text);
  static Value Bytes(std::string data);
  // Borrowed text: the caller keeps `text` alive while the value is used.
  static Value StringView(std::string_view text);
  static Value BytesView(std::string_view data);
  static Value List(std::vector<Value> items);
  static Value Map(std::vector<std::pair<Value, Value>> entries);
  // `name` must have static storage duration, or be kept alive by the caller.
  static Value Type(std::string_view name);
  static Value TypeOf(Kind kind) { return Type(KindTypeName(kind)); }
  static Value OwnedType(std::string name);
  static Value Timestamp(int64_t seconds, int32_t nanos);
  static Value Duration(int64_t seconds, int32_t nanos);
  static Value Optional(Value value);
  static Value OptionalNone();
  static Value Error(std::string message);
  // Takes ownership of one reference of `object`, which must match `kind`.
  static Value Opaque(Kind kind, OpaqueObject* object);
  // Borrows `json`: the document must outlive the value.
  static Value FromJson(const JsonValue& json);

  Kind kind() const { return kind_; }
  bool is_error() const { return kind_ == Kind::kError; }
  bool is_json() const { return rep_ == Rep::kJson; }

  bool bool_value() const { return u_.b; }
  int64_t int_value() const { return u_.i; }
  uint64_t uint_value() const { return u_.u; }
  double double_value() const { return u_.d; }
  int64_t seconds() const { return u_.i; }
  int32_t nanos() const { return static_cast<int32_t>(aux_); }

  // Text of a string, bytes or type value.
  std::string_view text() const;

  // Lists: JSON arrays or owned vectors.
  size_t list_size() const;
  Value list_at(size_t index) const;

  // Maps: JSON objects or owned entry vectors (insertion order is kept).
  size_t map_size() const;
  Value map_key_at(size_t index) const;
  Value map_value_at(size_t index) const;
  // Looks `key` up with CEL's heterogeneous key equality (1 == 1u == 1.0). Returns false when
  // absent. `*found` may be null to test presence only.
  bool map_find(const Value& key, Value* found) const;
  // Fast path for string keys (field selection). In a map read from JSON, a member whose value
  // is null is absent here, in has() and in optional selection, as in objects the API server
  // stores (it drops null fields); iterating the map still yields its key.
  bool map_find_string(std::string_view key, Value* found) const;
  // optional.of(map[key]) or optional.none(); for a JSON map the optional borrows the member
  // node, so it allocates nothing whatever the member's type.
  Value map_optional_field(std::string_view key) const;

  // Optionals.
  bool has_value() const;
  Value optional_value() const;

  // Errors.
  const std::string& error_message() const;
  int32_t error_offset() const;
  // Records where the error happened when it has no position yet.
  void SetErrorOffsetIfUnset(int32_t offset);

  const OpaqueObject* opaque() const { return static_cast<const OpaqueObject*>(u_.heap); }

 private:
  enum class Rep : uint8_t { kInline, kBorrowed, kHeap, kJson };

  void Swap(Value& other) noexcept {
    std::swap(kind_, other.kind_);
    std::swap(rep_, other.rep_);
    std::swap(aux_, other.aux_);
    std::swap(u_, other.u_);
  }

  Kind kind_ = Kind::kNull;
  Rep rep_ = Rep::kInline;
  uint32_t aux_ = 0;  // Borrowed text length, or nanoseconds of a time value.
  union Payload {
    bool b;
    int64_t i;
    uint64_t u;
    double d;
    const char* chars;
    const JsonValue* json;
    HeapObject* heap;
  } u_{.i = 0};
};

// Heap payloads, exposed for the libraries that build values.
struct StringObject : HeapObject {
  explicit StringObject(std::string t) : text(std::move(t)) {}
  std::string text;
};
struct ListObject : HeapObject {
  explicit ListObject(std::vector<Value> v) : items(std::move(v)) {}
  std::vector<Value> items;
};
struct MapObject : HeapObject {
  explicit MapObject(std::vector<std::pair<Value, Value>> e) : entries(std::move(e)) {}
  std::vector<std::pair<Value, Value>> entries;
};
struct OptionalObject : HeapObject {
  explicit OptionalObject(Value v) : value(std::move(v)) {}
  Value value;
};
struct ErrorObject : HeapObject {
  explicit ErrorObject(std::string m) : message(std::move(m)) {}
  std::string message;
  int32_t offset = -1;
};

}  // namespace ccspm::cel
