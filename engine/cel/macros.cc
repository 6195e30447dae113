#include "engine/cel/macros.h"

namespace ccspm::cel {

namespace {

struct ComprehensionMacro {
  std::string_view name;
  size_t arity;  // Arguments after the receiver, the variable included.
  MacroKind kind;
};

constexpr ComprehensionMacro kComprehensions[] = {
    {"all", 2, MacroKind::kAll},
    {"exists", 2, MacroKind::kExists},
    {"exists_one", 2, MacroKind::kExistsOne},
    {"map", 2, MacroKind::kMap},
    {"map", 3, MacroKind::kMapFilter},
    {"filter", 2, MacroKind::kFilter},
    {"optMap", 2, MacroKind::kOptMap},
    {"optFlatMap", 2, MacroKind::kOptFlatMap},
};

bool IsSimpleName(const Expr& expr) {
  return expr.kind == ExprKind::kIdent && !expr.name.empty() && expr.name[0] != '.';
}

MacroResult Error(std::string message) {
  MacroResult result;
  result.error = std::move(message);
  return result;
}

MacroResult ExpandBind(std::vector<ExprPtr>* args) {
  if (!IsSimpleName(*(*args)[0])) return Error("cel.bind() variable must be a simple name");
  auto expr = std::make_unique<Expr>();
  expr->kind = ExprKind::kBind;
  expr->iter_var = (*args)[0]->name;
  expr->args.push_back(std::move((*args)[1]));
  expr->args.push_back(std::move((*args)[2]));
  MacroResult result;
  result.expanded = true;
  result.expr = std::move(expr);
  return result;
}

}  // namespace

MacroResult ExpandReceiverMacro(ExprPtr* target, std::string_view name,
                                std::vector<ExprPtr>* args) {
  if (name == "bind" && args->size() == 3 && (*target)->kind == ExprKind::kIdent &&
      (*target)->name == "cel") {
    return ExpandBind(args);
  }

  for (const ComprehensionMacro& macro : kComprehensions) {
    if (macro.name != name || macro.arity != args->size()) continue;
    if (!IsSimpleName(*(*args)[0])) {
      return Error(std::string(name) + "() variable must be a simple name");
    }
    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::kComprehension;
    expr->macro = macro.kind;
    expr->name = std::string(name);
    expr->iter_var = (*args)[0]->name;
    expr->args.push_back(std::move(*target));
    for (size_t i = 1; i < args->size(); ++i) expr->args.push_back(std::move((*args)[i]));
    MacroResult result;
    result.expanded = true;
    result.expr = std::move(expr);
    return result;
  }
  return MacroResult();
}

MacroResult ExpandGlobalMacro(std::string_view name, std::vector<ExprPtr>* args) {
  if (name != "has" || args->size() != 1) return MacroResult();
  ExprPtr& arg = (*args)[0];
  if (arg->kind != ExprKind::kSelect) return Error("has() argument must be a field selection");

  arg->test_only = true;
  MacroResult result;
  result.expanded = true;
  result.expr = std::move(arg);
  return result;
}

}  // namespace ccspm::cel
