// The compiled form of an expression, shared by the copies of a Program.
#pragma once

#include <memory>
#include <string>

#include "engine/cel/ast.h"
#include "engine/cel/cel.h"
#include "engine/cel/function_registry.h"

namespace ccspm::cel {

struct Program::Compiled {
  std::string source;
  std::string name;
  std::shared_ptr<const Expr> root;                  // Shared by copies that differ only in name.
  std::shared_ptr<const FunctionRegistry> registry;  // Keeps resolved functions alive.
  std::shared_ptr<const TimeZoneProvider> time_zones;
  int max_locals = 0;
  uint64_t cost_limit = CostBudget::kDefaultPerExpression;
};

}  // namespace ccspm::cel
