// Functions callable from CEL, grouped by name into overloads.
//
// An overload declares its parameter kinds (Kind::kAny matches every kind) and whether it is
// called as a receiver (`x.f(y)`) or globally (`f(x, y)`). Arguments that are errors never reach
// a function: the interpreter propagates the first error argument instead (CEL functions are
// strict), so functions only see values of their declared kinds.
//
// Thread safety: a registry is built once, then only read.
#pragma once

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/cel/cost.h"
#include "engine/cel/value.h"

namespace ccspm::cel {

struct Expr;
class TimeZoneProvider;

// What a function may use besides its arguments.
struct CallContext {
  CostTracker* cost = nullptr;
  const Expr* call = nullptr;                    // The call site (for its cache).
  const TimeZoneProvider* time_zones = nullptr;  // May be null: only fixed offsets then.
};

using Function = Value (*)(CallContext& context, std::span<const Value> args);

struct Overload {
  std::vector<Kind> params;  // The receiver first for receiver-style overloads.
  bool receiver = false;
  Function fn = nullptr;
};

struct FunctionDecl {
  std::string name;
  std::vector<Overload> overloads;

  bool HasArity(size_t arity, bool receiver) const;
  // The first overload whose kinds match, or null.
  const Overload* Find(std::span<const Value> args, bool receiver) const;
};

// Builds the per-call-site cache of a function at check time (e.g. a compiled regex when the
// pattern is a constant). Returns an error message or "".
using CacheBuilder = std::string (*)(Expr* call);

class FunctionRegistry {
 public:
  void Add(std::string_view name, std::vector<Kind> params, bool receiver, Function fn);
  // Declares both `name(a, b...)` and `a.name(b...)`.
  void AddBoth(std::string_view name, std::vector<Kind> params, Function fn);
  void SetCacheBuilder(std::string_view name, CacheBuilder builder);

  const FunctionDecl* Find(std::string_view name) const;
  CacheBuilder FindCacheBuilder(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::unique_ptr<FunctionDecl>> functions_;
  std::unordered_map<std::string, CacheBuilder> cache_builders_;
};

// Helpers for function bodies.
Value NoSuchOverload(std::string_view function);
Value ErrorValue(std::string message);

}  // namespace ccspm::cel
