// How a plain (unquoted) YAML scalar is typed: the way kubectl reads it.
//
// kubectl turns YAML into JSON with sigs.k8s.io/yaml, which types plain scalars by the YAML 1.1
// rules of go-yaml v2, and the API server stores that JSON. A scanner that read YAML 1.2 core
// instead would judge another object than the one the cluster gets (`privileged: yes` is true
// there), so ccspm reads plain scalars exactly as kubectl does:
//   - null: empty, ~, null, Null, NULL
//   - booleans: y Y yes Yes YES on On ON true True TRUE, and n N no No NO off Off OFF false...
//   - integers: Go's base-prefix syntax after removing '_': 42, +42, -42, 0755 (octal: 493),
//     0o755, 0x1F, 0b101; past int64 as an unsigned 64-bit integer when it fits
//   - floats: [-+]?(.digits|digits(.digits*)?)([eE][-+]?digits)?, and .inf/.nan in their
//     spellings, which JSON cannot hold (kubectl fails on them too)
//   - everything else, timestamps included, is a string.
// Quoted scalars are always strings.
#pragma once

#include <cstdint>
#include <string_view>

namespace ccspm::manifest {

struct PlainScalar {
  enum class Type { kString, kNull, kBool, kInt, kUint, kFloat, kNotJson };

  Type type = Type::kString;
  bool boolean = false;
  int64_t integer = 0;
  uint64_t unsigned_integer = 0;
  double number = 0;
};

PlainScalar ResolvePlainScalar(std::string_view text);

// True when `text`, written without quotes, would not read back as this same string.
inline bool NeedsQuotes(std::string_view text) {
  return text == "<<" || ResolvePlainScalar(text).type != PlainScalar::Type::kString;
}

}  // namespace ccspm::manifest
