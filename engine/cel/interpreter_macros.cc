// The comprehension macros of the interpreter: all, exists, exists_one, map, filter, and the
// optional library's optMap and optFlatMap.
#include "engine/cel/interpreter.h"

namespace ccspm::cel {

namespace {

// The element bound to the iteration variable: list elements, or map keys.
Value Element(const Value& range, size_t index) {
  return range.kind() == Kind::kList ? range.list_at(index) : range.map_key_at(index);
}

size_t RangeSize(const Value& range) {
  return range.kind() == Kind::kList ? range.list_size() : range.map_size();
}

Value NotBool(const Expr& expr, const Value& value) {
  return Value::Error(expr.name + "() predicate returned " +
                      std::string(KindTypeName(value.kind())) + ", not bool");
}

}  // namespace

Value Interpreter::EvalComprehension(const Expr& expr) {
  const Value range = Eval(*expr.args[0]);
  if (range.is_error()) return range;

  if (expr.macro == MacroKind::kOptMap || expr.macro == MacroKind::kOptFlatMap) {
    return EvalOptionalMacro(expr, range, expr.slot);
  }
  if (range.kind() != Kind::kList && range.kind() != Kind::kMap) {
    return Value::Error(expr.name + "() needs a list or a map, not " +
                        std::string(KindTypeName(range.kind())));
  }

  Value result;
  switch (expr.macro) {
    case MacroKind::kAll:
    case MacroKind::kExists:
    case MacroKind::kExistsOne:
      result = EvalQuantifier(expr, range, expr.slot);
      break;
    default:
      result = EvalCollect(expr, range, expr.slot);
      break;
  }
  Local(expr.slot) = Value();
  return result;
}

Value Interpreter::EvalQuantifier(const Expr& expr, const Value& range, int slot) {
  const bool is_all = expr.macro == MacroKind::kAll;
  const size_t size = RangeSize(range);
  Value first_error;
  bool has_error = false;
  int64_t matches = 0;

  for (size_t i = 0; i < size; ++i) {
    if (cost_->exceeded()) return Value::Error("cost budget exceeded");
    Local(slot) = Element(range, i);
    Value outcome = Eval(*expr.args[1]);
    if (!outcome.is_error() && outcome.kind() != Kind::kBool) outcome = NotBool(expr, outcome);

    if (outcome.is_error()) {
      // exists_one is strict; all and exists absorb errors when another element decides.
      if (expr.macro == MacroKind::kExistsOne) return outcome;
      if (!has_error) first_error = std::move(outcome);
      has_error = true;
      continue;
    }
    const bool value = outcome.bool_value();
    if (is_all && !value) return Value::Bool(false);
    if (expr.macro == MacroKind::kExists && value) return Value::Bool(true);
    if (value) ++matches;
  }

  if (expr.macro == MacroKind::kExistsOne) return Value::Bool(matches == 1);
  if (has_error) return first_error;
  return Value::Bool(is_all);
}

Value Interpreter::EvalCollect(const Expr& expr, const Value& range, int slot) {
  const size_t size = RangeSize(range);
  std::vector<Value> out;
  if (expr.macro == MacroKind::kMap) out.reserve(size);  // Filters mostly keep nothing.

  for (size_t i = 0; i < size; ++i) {
    if (cost_->exceeded()) return Value::Error("cost budget exceeded");
    Local(slot) = Element(range, i);

    if (expr.macro == MacroKind::kFilter || expr.macro == MacroKind::kMapFilter) {
      const Value keep = Eval(*expr.args[1]);
      if (keep.is_error()) return keep;
      if (keep.kind() != Kind::kBool) return NotBool(expr, keep);
      if (!keep.bool_value()) continue;
    }

    if (expr.macro == MacroKind::kFilter) {
      out.push_back(Local(slot));
      continue;
    }
    Value mapped = Eval(*expr.args[expr.macro == MacroKind::kMapFilter ? 2 : 1]);
    if (mapped.is_error()) return mapped;
    out.push_back(std::move(mapped));
  }
  return Value::List(std::move(out));
}

Value Interpreter::EvalOptionalMacro(const Expr& expr, const Value& target, int slot) {
  if (target.kind() != Kind::kOptional) {
    return Value::Error(expr.name + "() needs an optional, not " +
                        std::string(KindTypeName(target.kind())));
  }
  if (!target.has_value()) return target;

  Local(slot) = target.optional_value();
  Value result = Eval(*expr.args[1]);
  Local(slot) = Value();
  if (result.is_error()) return result;
  if (expr.macro == MacroKind::kOptMap) return Value::Optional(std::move(result));
  if (result.kind() != Kind::kOptional) {
    return Value::Error("optFlatMap() expression must return an optional");
  }
  return result;
}

}  // namespace ccspm::cel
