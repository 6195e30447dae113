#include "engine/cel_references.h"

#include "engine/cel/ast.h"
#include "engine/cel/program.h"

namespace ccspm::engine {
namespace {

struct Walk {
  const std::vector<Variable>& variables;
  int request_slot;
  int old_object_slot;
  std::vector<bool> visiting;  // Lazy variables on the current path, against cycles.

  bool Reads(const cel::Expr& expr) {
    if (expr.kind == cel::ExprKind::kIdent && expr.ref == cel::RefKind::kVariable &&
        (expr.slot == request_slot || expr.slot == old_object_slot)) {
      return true;
    }
    if (expr.kind == cel::ExprKind::kIdent && expr.ref == cel::RefKind::kLazy &&
        ReadsVariable(expr.slot)) {
      return true;
    }
    for (const cel::ExprPtr& arg : expr.args) {
      if (arg != nullptr && Reads(*arg)) return true;
    }
    for (const cel::MapEntry& entry : expr.entries) {
      if ((entry.key != nullptr && Reads(*entry.key)) ||
          (entry.value != nullptr && Reads(*entry.value))) {
        return true;
      }
    }
    return false;
  }

  // Lazy slots follow the order variables were declared in, which is spec.variables' order.
  bool ReadsVariable(int slot) {
    if (slot < 0 || static_cast<size_t>(slot) >= variables.size() || visiting[slot]) return false;
    visiting[slot] = true;
    bool reads = Reads(*variables[slot].program.compiled().root);
    visiting[slot] = false;
    return reads;
  }
};

}  // namespace

bool ReadsAdmissionInputs(const cel::Program& program, const std::vector<Variable>& variables,
                          const cel::Environment& env) {
  Walk walk{variables, env.VariableSlot("request"), env.VariableSlot("oldObject"),
            std::vector<bool>(variables.size(), false)};
  return walk.Reads(*program.compiled().root);
}

}  // namespace ccspm::engine
