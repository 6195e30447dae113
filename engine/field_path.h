// Field paths name the place of a golden setting inside an object.
//
// Grammar (documented for users in docs/policy-language.md):
//   path     := segment ( '.' key | '[' selector ']' )*
//   segment  := key | '[' selector ']' | '{' key (',' key)* '}'
//   key      := [A-Za-z0-9_$-]+           (a map key; any other key is written ["..."])
//   {a,b,c}                               each of these map keys that exists, e.g. every
//                                         container list: {containers,initContainers,
//                                         ephemeralContainers}
//   selector := '*'                       every item of a list
//             | N                         the item at index N
//             | name '=' value            the list item whose field `name` equals `value`
//             | '"' text '"'              a map key holding '.', '/', '~' or other characters
// Example: spec.containers[name=app].securityContext.privileged
//          metadata.annotations["example.com/owner"]
//          spec.{containers,initContainers}[*].securityContext.allowPrivilegeEscalation
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ccspm::engine {

struct PathSegment {
  enum class Type { kKey, kIndex, kEvery, kItemWhere, kAnyOfKeys };

  Type type = Type::kKey;
  std::string key;          // kKey: the map key; kItemWhere: the item field compared.
  std::string match_value;  // kItemWhere: the value that field must have.
  size_t index = 0;         // kIndex.
  std::vector<std::string> keys;  // kAnyOfKeys: the alternatives, in the order written.
};

class FieldPath {
 public:
  FieldPath() = default;
  explicit FieldPath(std::vector<PathSegment> segments) : segments_(std::move(segments)) {}

  // Parses `text`; the error names the column and what was expected there.
  static Result<FieldPath> Parse(std::string_view text);

  const std::vector<PathSegment>& segments() const { return segments_; }
  bool empty() const { return segments_.empty(); }

  // True when the path starts with the keys of `prefix` (e.g. "spec").
  bool StartsWithKey(std::string_view key) const;

  // This path with its segments appended after `prefix`.
  FieldPath Rebased(const FieldPath& prefix) const;

  // The path in the notation above, as a user wrote it.
  std::string ToString() const;

 private:
  std::vector<PathSegment> segments_;
};

// One concrete step to a value: a map key or a list index.
struct ConcreteStep {
  bool is_index = false;
  std::string key;
  size_t index = 0;
};

using ConcretePath = std::vector<ConcreteStep>;

// "spec.containers[0].securityContext" for messages.
std::string DisplayPath(const ConcretePath& path);

// "/spec/containers/0/securityContext" with RFC 6901 escaping ('~' -> "~0", '/' -> "~1").
std::string JsonPointer(const ConcretePath& path);

// Escapes one reference token for a JSON Pointer.
std::string EscapePointerToken(std::string_view token);

}  // namespace ccspm::engine
