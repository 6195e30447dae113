// The Kubernetes sets library: sets.contains, sets.equivalent and sets.intersects over lists.
#include "engine/cel/libraries.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

// True when every element of `subset` is in `superset`.
bool ContainsAll(const Value& superset, const Value& subset, CallContext& context) {
  for (size_t i = 0; i < subset.list_size(); ++i) {
    const Value item = subset.list_at(i);
    bool found = false;
    for (size_t j = 0; j < superset.list_size() && !found; ++j) {
      found = ValuesEqual(superset.list_at(j), item);
    }
    if (context.cost != nullptr) context.cost->Add(superset.list_size());
    if (!found) return false;
  }
  return true;
}

Value Contains(CallContext& context, std::span<const Value> a) {
  return Value::Bool(ContainsAll(a[0], a[1], context));
}

Value Equivalent(CallContext& context, std::span<const Value> a) {
  return Value::Bool(ContainsAll(a[0], a[1], context) && ContainsAll(a[1], a[0], context));
}

Value Intersects(CallContext& context, std::span<const Value> a) {
  for (size_t i = 0; i < a[1].list_size(); ++i) {
    const Value item = a[1].list_at(i);
    if (context.cost != nullptr) context.cost->Add(a[0].list_size());
    for (size_t j = 0; j < a[0].list_size(); ++j) {
      if (ValuesEqual(a[0].list_at(j), item)) return Value::Bool(true);
    }
  }
  return Value::Bool(false);
}

}  // namespace

void RegisterK8sSets(FunctionRegistry& r) {
  r.Add("sets.contains", {Kind::kList, Kind::kList}, false, Contains);
  r.Add("sets.equivalent", {Kind::kList, Kind::kList}, false, Equivalent);
  r.Add("sets.intersects", {Kind::kList, Kind::kList}, false, Intersects);
}

}  // namespace ccspm::cel
