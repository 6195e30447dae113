// size() of lists and maps (the `in` operator and indexing are operators).
#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

Value ListSize(CallContext&, std::span<const Value> args) {
  return Value::Int(static_cast<int64_t>(args[0].list_size()));
}

Value MapSize(CallContext&, std::span<const Value> args) {
  return Value::Int(static_cast<int64_t>(args[0].map_size()));
}

}  // namespace

void RegisterCollections(FunctionRegistry& r) {
  r.AddBoth("size", {Kind::kList}, ListSize);
  r.AddBoth("size", {Kind::kMap}, MapSize);
}

}  // namespace ccspm::cel
