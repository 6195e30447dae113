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

// The lazy slots `expr` reads directly.
void LazyReads(const cel::Expr& expr, std::vector<int>& slots) {
  if (expr.kind == cel::ExprKind::kIdent && expr.ref == cel::RefKind::kLazy) {
    slots.push_back(expr.slot);
  }
  for (const cel::ExprPtr& arg : expr.args) {
    if (arg != nullptr) LazyReads(*arg, slots);
  }
  for (const cel::MapEntry& entry : expr.entries) {
    if (entry.key != nullptr) LazyReads(*entry.key, slots);
    if (entry.value != nullptr) LazyReads(*entry.value, slots);
  }
}

enum class Mark { kNew, kOnPath, kDone };

bool ReachesCycle(const std::vector<std::vector<int>>& reads, int slot, std::vector<Mark>& marks) {
  if (marks[slot] == Mark::kOnPath) return true;
  if (marks[slot] == Mark::kDone) return false;
  marks[slot] = Mark::kOnPath;
  for (int next : reads[slot]) {
    if (next >= 0 && static_cast<size_t>(next) < reads.size() && ReachesCycle(reads, next, marks)) {
      return true;
    }
  }
  marks[slot] = Mark::kDone;
  return false;
}

}  // namespace

std::string FindVariableCycle(const std::vector<Variable>& variables) {
  std::vector<std::vector<int>> reads(variables.size());
  for (size_t i = 0; i < variables.size(); ++i) {
    LazyReads(*variables[i].program.compiled().root, reads[i]);
  }
  for (size_t i = 0; i < variables.size(); ++i) {
    std::vector<Mark> marks(variables.size(), Mark::kNew);
    if (ReachesCycle(reads, static_cast<int>(i), marks)) return variables[i].name;
  }
  return "";
}

bool ReadsAdmissionInputs(const cel::Program& program, const std::vector<Variable>& variables,
                          const cel::Environment& env) {
  Walk walk{variables, env.VariableSlot("request"), env.VariableSlot("oldObject"),
            std::vector<bool>(variables.size(), false)};
  return walk.Reads(*program.compiled().root);
}

}  // namespace ccspm::engine
