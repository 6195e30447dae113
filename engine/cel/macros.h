// Expansion of CEL macros at parse time: has(), all, exists, exists_one, map, filter,
// cel.bind, and the optional library's optMap and optFlatMap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/cel/ast.h"

namespace ccspm::cel {

struct MacroResult {
  bool expanded = false;
  ExprPtr expr;       // When expanded: the new node (its offset is set by the caller).
  std::string error;  // A misused macro (wrong argument shape).
};

// `target.name(args)`: when it is a macro, consumes *target and *args into the new node.
MacroResult ExpandReceiverMacro(ExprPtr* target, std::string_view name, std::vector<ExprPtr>* args);

// `name(args)`: has(); when it is a macro, consumes *args into the new node.
MacroResult ExpandGlobalMacro(std::string_view name, std::vector<ExprPtr>* args);

}  // namespace ccspm::cel
