#include "engine/cel/interpreter.h"

#include <array>

#include "engine/cel/operators.h"
#include "engine/cel/program.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

Value CostExceeded() { return Value::Error("cost budget exceeded"); }

Value NotBool(std::string_view op, const Value& value) {
  return Value::Error("no matching overload for '" + std::string(op) + "' applied to '(" +
                      std::string(KindTypeName(value.kind())) + ")'");
}

Order Compare(Op op, const Value& a, const Value& b, Value* error) {
  const Order order = CompareValues(a, b);
  if (order == Order::kInvalid) {
    const char* name = op == Op::kLt   ? "_<_"
                       : op == Op::kLe ? "_<=_"
                       : op == Op::kGt ? "_>_"
                                       : "_>=_";
    *error = Value::Error("no such overload: " + std::string(name) + "(" +
                          std::string(KindTypeName(a.kind())) + ", " +
                          std::string(KindTypeName(b.kind())) + ")");
  }
  return order;
}

}  // namespace

Interpreter::Interpreter(const Activation& activation, CostTracker* cost,
                         const TimeZoneProvider* time_zones, int max_locals)
    : activation_(activation), cost_(cost) {
  context_.cost = cost;
  context_.time_zones = time_zones;
  if (max_locals > kInlineLocals) more_.resize(max_locals);
}

Value Interpreter::Eval(const Expr& expr) {
  if (!cost_->Add(1)) return CostExceeded();
  if (expr.kind == ExprKind::kConst) return expr.value;

  // Built in place (every branch of EvalNode returns its value directly): this runs per node.
  Value result = EvalNode(expr);
  if (result.is_error()) result.SetErrorOffsetIfUnset(expr.offset);
  return result;
}

Value Interpreter::EvalNode(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kConst:
      return expr.value;
    case ExprKind::kIdent:
      return EvalIdent(expr);
    case ExprKind::kSelect: {
      const Value operand = Eval(*expr.args[0]);
      if (operand.is_error()) return operand;
      return SelectField(operand, expr.name, expr.test_only);
    }
    case ExprKind::kCall:
      return EvalCall(expr);
    case ExprKind::kList:
      return EvalList(expr);
    case ExprKind::kMap:
      return EvalMap(expr);
    case ExprKind::kStruct:
      return Value::Error("message construction is not supported: " + expr.name);
    case ExprKind::kComprehension:
      return EvalComprehension(expr);
    case ExprKind::kBind:
      return EvalBind(expr);
  }
  return Value::Error("unknown expression kind");
}

Value Interpreter::EvalIdent(const Expr& expr) {
  switch (expr.ref) {
    case RefKind::kVariable:
      return activation_.values_[expr.slot];
    case RefKind::kLocal:
      return Local(expr.slot);
    case RefKind::kConstant:
      return expr.value;
    case RefKind::kLazy:
      return EvalLazy(expr);
    case RefKind::kUnresolved:
      break;
  }
  return Value::Error("undeclared reference to '" + expr.name + "'");
}

Value Interpreter::EvalLazy(const Expr& expr) {
  Activation::Lazy& lazy = activation_.lazy_[expr.slot];
  switch (lazy.state) {
    case Activation::LazyState::kDone:
      return lazy.value;
    case Activation::LazyState::kRunning:
      return Value::Error("variable '" + expr.name + "' refers to itself");
    case Activation::LazyState::kPending:
      break;
  }
  if (lazy.program == nullptr) return Value::Error("variable '" + expr.name + "' is not bound");

  lazy.state = Activation::LazyState::kRunning;
  const Program::Compiled& compiled = lazy.program->compiled();
  Interpreter nested(activation_, cost_, context_.time_zones, compiled.max_locals);
  Value value = nested.Eval(*compiled.root);

  lazy.value = value;
  lazy.state = Activation::LazyState::kDone;
  return value;
}

Value Interpreter::EvalCall(const Expr& expr) {
  switch (expr.op) {
    case Op::kAnd:
      return EvalLogic(expr, true);
    case Op::kOr:
      return EvalLogic(expr, false);
    case Op::kTernary:
      return EvalTernary(expr);
    case Op::kNot: {
      const Value operand = Eval(*expr.args[0]);
      if (operand.is_error()) return operand;
      if (operand.kind() != Kind::kBool) return NotBool("!_", operand);
      return Value::Bool(!operand.bool_value());
    }
    case Op::kNeg: {
      const Value operand = Eval(*expr.args[0]);
      if (operand.is_error()) return operand;
      return Negate(operand);
    }
    case Op::kOptSelect: {
      const Value operand = Eval(*expr.args[0]);
      if (operand.is_error()) return operand;
      return OptionalSelect(operand, expr.args[1]->value.text());
    }
    case Op::kFunction:
      return EvalFunction(expr);
    default:
      return EvalBinary(expr);
  }
}

Value Interpreter::EvalLogic(const Expr& expr, bool is_and) {
  const std::string_view name = is_and ? "_&&_" : "_||_";
  // The value that decides the result regardless of the other operand.
  const bool decisive = !is_and;

  Value left = Eval(*expr.args[0]);
  if (left.kind() == Kind::kBool && left.bool_value() == decisive) return left;
  if (!left.is_error() && left.kind() != Kind::kBool) left = NotBool(name, left);

  Value right = Eval(*expr.args[1]);
  if (right.kind() == Kind::kBool && right.bool_value() == decisive) return right;
  if (!right.is_error() && right.kind() != Kind::kBool) right = NotBool(name, right);

  if (left.is_error()) return left;
  if (right.is_error()) return right;
  return Value::Bool(!decisive);
}

Value Interpreter::EvalTernary(const Expr& expr) {
  const Value condition = Eval(*expr.args[0]);
  if (condition.is_error()) return condition;
  if (condition.kind() != Kind::kBool) return NotBool("_?_:_", condition);
  return Eval(*expr.args[condition.bool_value() ? 1 : 2]);
}

Value Interpreter::EvalBinary(const Expr& expr) {
  const Value a = Eval(*expr.args[0]);
  if (a.is_error()) return a;
  const Value b = Eval(*expr.args[1]);
  if (b.is_error()) return b;

  Value error;
  switch (expr.op) {
    case Op::kEq:
      return Value::Bool(ValuesEqual(a, b));
    case Op::kNe:
      return Value::Bool(!ValuesEqual(a, b));
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      const Order order = Compare(expr.op, a, b, &error);
      if (order == Order::kInvalid) return error;
      if (order == Order::kUnordered) return Value::Bool(false);
      if (expr.op == Op::kLt) return Value::Bool(order == Order::kLess);
      if (expr.op == Op::kLe) return Value::Bool(order != Order::kGreater);
      if (expr.op == Op::kGt) return Value::Bool(order == Order::kGreater);
      return Value::Bool(order != Order::kLess);
    }
    case Op::kIndex:
      return Index(a, b);
    case Op::kOptIndex:
      return OptionalIndex(a, b);
    case Op::kIn:
      return Contains(b, a, cost_);
    default:
      return Arithmetic(expr.op, a, b, cost_);
  }
}

Value Interpreter::EvalFunction(const Expr& expr) {
  if (expr.function == nullptr) return Value::Error("unbound function '" + expr.name + "'");

  // Arguments live on the stack for the common arities: no allocation per call.
  constexpr size_t kInlineArgs = 4;
  std::array<Value, kInlineArgs> inline_args;
  std::vector<Value> heap_args;
  const size_t count = expr.args.size();
  Value* args = inline_args.data();
  if (count > kInlineArgs) {
    heap_args.resize(count);
    args = heap_args.data();
  }
  for (size_t i = 0; i < count; ++i) {
    args[i] = Eval(*expr.args[i]);
    if (args[i].is_error()) return args[i];
  }

  const std::span<const Value> span(args, count);
  const Overload* overload = expr.function->Find(span, expr.receiver_style);
  if (overload == nullptr) {
    std::string kinds;
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) kinds += ", ";
      kinds += KindTypeName(args[i].kind());
    }
    return Value::Error("found no matching overload for '" + expr.name + "' applied to '(" + kinds +
                        ")'");
  }
  context_.call = &expr;
  return overload->fn(context_, span);
}

Value Interpreter::EvalList(const Expr& expr) {
  std::vector<Value> items;
  items.reserve(expr.args.size());
  for (size_t i = 0; i < expr.args.size(); ++i) {
    Value item = Eval(*expr.args[i]);
    if (item.is_error()) return item;
    if (!expr.optional_flags.empty() && expr.optional_flags[i]) {
      if (item.kind() != Kind::kOptional) return Value::Error("[?x] needs an optional value");
      if (!item.has_value()) continue;
      item = item.optional_value();
    }
    items.push_back(std::move(item));
  }
  return Value::List(std::move(items));
}

Value Interpreter::EvalMap(const Expr& expr) {
  std::vector<std::pair<Value, Value>> entries;
  entries.reserve(expr.entries.size());
  for (const MapEntry& entry : expr.entries) {
    Value key = Eval(*entry.key);
    if (key.is_error()) return key;
    const Kind kind = key.kind();
    if (kind != Kind::kString && kind != Kind::kInt && kind != Kind::kUint && kind != Kind::kBool) {
      return Value::Error("unsupported key type: " + std::string(KindTypeName(kind)));
    }
    Value value = Eval(*entry.value);
    if (value.is_error()) return value;
    if (entry.optional) {
      if (value.kind() != Kind::kOptional) return Value::Error("{?k: v} needs an optional value");
      if (!value.has_value()) continue;
      value = value.optional_value();
    }
    for (const auto& existing : entries) {
      if (KeysEqual(existing.first, key)) return Value::Error("Failed with repeated key");
    }
    entries.emplace_back(std::move(key), std::move(value));
  }
  return Value::Map(std::move(entries));
}

Value Interpreter::EvalBind(const Expr& expr) {
  Value init = Eval(*expr.args[0]);
  Local(expr.slot) = std::move(init);
  Value result = Eval(*expr.args[1]);
  Local(expr.slot) = Value();
  return result;
}

}  // namespace ccspm::cel
