// The CEL abstract syntax tree, annotated in place by the checker for evaluation.
//
// The parser builds the tree (macros already expanded into kComprehension and kBind nodes); the
// checker resolves names and functions into the `resolved` fields; the interpreter reads only.
// A compiled tree is immutable and may be evaluated by many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/cel/value.h"

namespace ccspm::cel {

struct FunctionDecl;

enum class ExprKind : uint8_t {
  kConst,
  kIdent,
  kSelect,         // args[0].name, or has(args[0].name) when test_only.
  kCall,           // name(args...), receiver first when receiver_style.
  kList,           // [args...]; optional_flags marks [?x] elements.
  kMap,            // {entries}
  kStruct,         // name{entries}: message construction, which this engine does not support.
  kComprehension,  // A macro over args[0] (the range): see MacroKind.
  kBind,           // cel.bind(name, args[0], args[1]).
};

// Operators and calls that the interpreter evaluates without dispatch.
enum class Op : uint8_t {
  kFunction,  // A registry function, or unresolved when `function` is null.
  kAnd,
  kOr,
  kNot,
  kNeg,
  kTernary,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kIndex,
  kOptIndex,   // a[?b]
  kOptSelect,  // a.?b (args[1] is the field name as a string constant)
  kIn,
};

enum class MacroKind : uint8_t {
  kAll,
  kExists,
  kExistsOne,
  kMap,         // args: range, transform
  kMapFilter,   // args: range, filter, transform
  kFilter,      // args: range, predicate
  kOptMap,      // optional.optMap(v, expr)
  kOptFlatMap,  // optional.optFlatMap(v, expr)
};

// How an identifier (or a qualified name folded into one) was resolved.
enum class RefKind : uint8_t {
  kUnresolved,  // Evaluates to an "undeclared reference" error.
  kVariable,    // Activation variable `slot`.
  kLocal,       // Comprehension or bind variable `slot`.
  kConstant,    // A type name or constant: `value`.
  kLazy,        // variables.<name>: lazily evaluated named sub-expression `slot`.
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct MapEntry {
  ExprPtr key;  // For kStruct: a string constant with the field name.
  ExprPtr value;
  bool optional = false;  // {?key: value}
};

struct Expr {
  ExprKind kind = ExprKind::kConst;
  int32_t offset = 0;  // Byte offset in the source, for error positions.

  Value value;       // kConst, or the resolved constant of an identifier.
  std::string name;  // Identifier, selected field, function, struct type or bound variable.
  bool test_only = false;
  bool receiver_style = false;
  std::vector<ExprPtr> args;
  std::vector<MapEntry> entries;
  std::vector<bool> optional_flags;  // kList: which elements are [?x].

  // Comprehensions.
  MacroKind macro = MacroKind::kAll;
  std::string iter_var;

  // Resolution, filled in by the checker.
  Op op = Op::kFunction;
  RefKind ref = RefKind::kUnresolved;
  int32_t slot = -1;
  const FunctionDecl* function = nullptr;
  // A per-call-site cache built at check time (a compiled regex for a constant pattern).
  std::shared_ptr<const void> cache;
};

}  // namespace ccspm::cel
