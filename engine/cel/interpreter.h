// The tree-walking evaluator of checked CEL expressions.
//
// Errors are values: a failing step yields an error value that propagates through strict
// functions and is absorbed by && and || (false && error is false; true || error is true) and by
// the all/exists macros, as the specification says. Evaluation stops early once the cost limit
// is exceeded, and the caller turns that into an error whatever the value.
//
// Allocation: none for selections, comparisons, logic, macros over JSON and constant lists;
// only for computed strings, lists, maps, optionals of non-JSON values and errors.
#pragma once

#include <vector>

#include "engine/cel/ast.h"
#include "engine/cel/cel.h"
#include "engine/cel/cost.h"
#include "engine/cel/function_registry.h"

namespace ccspm::cel {

class Interpreter {
 public:
  Interpreter(const Activation& activation, CostTracker* cost, const TimeZoneProvider* time_zones,
              int max_locals);

  Value Eval(const Expr& expr);

 private:
  static constexpr int kInlineLocals = 8;

  Value& Local(int slot) { return slot < kInlineLocals ? inline_locals_[slot] : more_[slot]; }

  Value EvalNode(const Expr& expr);
  Value EvalIdent(const Expr& expr);
  Value EvalLazy(const Expr& expr);
  Value EvalCall(const Expr& expr);
  Value EvalLogic(const Expr& expr, bool is_and);
  Value EvalTernary(const Expr& expr);
  Value EvalBinary(const Expr& expr);
  Value EvalFunction(const Expr& expr);
  Value EvalList(const Expr& expr);
  Value EvalMap(const Expr& expr);
  Value EvalComprehension(const Expr& expr);
  Value EvalQuantifier(const Expr& expr, const Value& range, int slot);
  Value EvalCollect(const Expr& expr, const Value& range, int slot);
  Value EvalOptionalMacro(const Expr& expr, const Value& target, int slot);
  Value EvalBind(const Expr& expr);

  const Activation& activation_;
  CostTracker* cost_;
  CallContext context_;
  Value inline_locals_[kInlineLocals];
  std::vector<Value> more_;
};

}  // namespace ccspm::cel
