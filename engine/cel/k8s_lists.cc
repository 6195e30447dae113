// The Kubernetes list library (isSorted, sum, min, max, indexOf, lastIndexOf) and the CEL lists
// extension that Kubernetes enables (slice, flatten, distinct, reverse, sort, first, last,
// lists.range).
#include <algorithm>

#include "engine/cel/libraries.h"
#include "engine/cel/operators.h"
#include "engine/cel/value_compare.h"

namespace ccspm::cel {

namespace {

std::vector<Value> Items(const Value& list) {
  std::vector<Value> items;
  items.reserve(list.list_size());
  for (size_t i = 0; i < list.list_size(); ++i) items.push_back(list.list_at(i));
  return items;
}

void AddCost(CallContext& context, size_t n) {
  if (context.cost != nullptr) context.cost->Add(n);
}

// Orders two elements; false (with *error) when they cannot be ordered.
bool Less(const Value& a, const Value& b, bool* less, Value* error) {
  const Order order = CompareValues(a, b);
  if (order == Order::kInvalid) {
    *error =
        Value::Error("no such overload: cannot compare " + std::string(KindTypeName(a.kind())) +
                     " and " + std::string(KindTypeName(b.kind())));
    return false;
  }
  *less = order == Order::kLess;
  return true;
}

Value IsSorted(CallContext& context, std::span<const Value> a) {
  const size_t n = a[0].list_size();
  AddCost(context, n);
  for (size_t i = 1; i < n; ++i) {
    bool less = false;
    Value error;
    if (!Less(a[0].list_at(i), a[0].list_at(i - 1), &less, &error)) return error;
    if (less) return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value Sum(CallContext& context, std::span<const Value> a) {
  const size_t n = a[0].list_size();
  AddCost(context, n);
  if (n == 0) return Value::Int(0);
  Value total = a[0].list_at(0);
  for (size_t i = 1; i < n; ++i) {
    total = Arithmetic(Op::kAdd, total, a[0].list_at(i), context.cost);
    if (total.is_error()) return total;
  }
  return total;
}

template <bool kMax>
Value Extreme(CallContext& context, std::span<const Value> a) {
  const size_t n = a[0].list_size();
  AddCost(context, n);
  if (n == 0) return Value::Error(std::string(kMax ? "max" : "min") + "() of an empty list");
  Value best = a[0].list_at(0);
  for (size_t i = 1; i < n; ++i) {
    Value item = a[0].list_at(i);
    bool less = false;
    Value error;
    if (!Less(kMax ? best : item, kMax ? item : best, &less, &error)) return error;
    if (less) best = std::move(item);
  }
  return best;
}

Value IndexOf(CallContext& context, std::span<const Value> a) {
  const size_t n = a[0].list_size();
  AddCost(context, n);
  for (size_t i = 0; i < n; ++i) {
    if (ValuesEqual(a[0].list_at(i), a[1])) return Value::Int(static_cast<int64_t>(i));
  }
  return Value::Int(-1);
}

Value LastIndexOf(CallContext& context, std::span<const Value> a) {
  const size_t n = a[0].list_size();
  AddCost(context, n);
  for (size_t i = n; i-- > 0;) {
    if (ValuesEqual(a[0].list_at(i), a[1])) return Value::Int(static_cast<int64_t>(i));
  }
  return Value::Int(-1);
}

Value Slice(CallContext& context, std::span<const Value> a) {
  const int64_t size = static_cast<int64_t>(a[0].list_size());
  const int64_t start = a[1].int_value();
  const int64_t end = a[2].int_value();
  if (start < 0 || end < 0 || start > end || end > size) {
    return Value::Error("cannot slice(" + std::to_string(start) + ", " + std::to_string(end) +
                        ") a list of size " + std::to_string(size));
  }
  AddCost(context, static_cast<size_t>(end - start));
  std::vector<Value> out;
  for (int64_t i = start; i < end; ++i) out.push_back(a[0].list_at(static_cast<size_t>(i)));
  return Value::List(std::move(out));
}

void FlattenInto(const Value& list, int64_t depth, std::vector<Value>* out, CallContext& context) {
  for (size_t i = 0; i < list.list_size(); ++i) {
    Value item = list.list_at(i);
    AddCost(context, 1);
    if (item.kind() == Kind::kList && depth > 0) {
      FlattenInto(item, depth - 1, out, context);
    } else {
      out->push_back(std::move(item));
    }
  }
}

Value Flatten(CallContext& context, std::span<const Value> a) {
  const int64_t depth = a.size() > 1 ? a[1].int_value() : 1;
  if (depth < 0) return Value::Error("flatten(): depth must be non-negative");
  // Limitation: depth is capped at 64 because each level recurses once.
  std::vector<Value> out;
  FlattenInto(a[0], std::min<int64_t>(depth, 64), &out, context);
  return Value::List(std::move(out));
}

Value Distinct(CallContext& context, std::span<const Value> a) {
  std::vector<Value> out;
  for (size_t i = 0; i < a[0].list_size(); ++i) {
    Value item = a[0].list_at(i);
    AddCost(context, out.size() + 1);
    bool seen = false;
    for (const Value& existing : out) seen = seen || ValuesEqual(existing, item);
    if (!seen) out.push_back(std::move(item));
  }
  return Value::List(std::move(out));
}

Value Reverse(CallContext& context, std::span<const Value> a) {
  std::vector<Value> items = Items(a[0]);
  AddCost(context, items.size());
  std::reverse(items.begin(), items.end());
  return Value::List(std::move(items));
}

Value Sort(CallContext& context, std::span<const Value> a) {
  std::vector<Value> items = Items(a[0]);
  AddCost(context, items.size() * 2);
  for (size_t i = 1; i < items.size(); ++i) {
    bool less = false;
    Value error;
    if (!Less(items[i], items[0], &less, &error)) return error;
  }
  std::stable_sort(items.begin(), items.end(), [](const Value& x, const Value& y) {
    return CompareValues(x, y) == Order::kLess;
  });
  return Value::List(std::move(items));
}

Value First(CallContext&, std::span<const Value> a) {
  if (a[0].list_size() == 0) return Value::OptionalNone();
  return Value::Optional(a[0].list_at(0));
}

Value Last(CallContext&, std::span<const Value> a) {
  if (a[0].list_size() == 0) return Value::OptionalNone();
  return Value::Optional(a[0].list_at(a[0].list_size() - 1));
}

Value Range(CallContext& context, std::span<const Value> a) {
  const int64_t n = a[0].int_value();
  if (n < 0) return Value::Error("lists.range(): size must be non-negative");
  if (context.cost != nullptr && !context.cost->Add(static_cast<uint64_t>(n))) {
    return Value::Error("cost budget exceeded");
  }
  std::vector<Value> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.push_back(Value::Int(i));
  return Value::List(std::move(out));
}

}  // namespace

void RegisterK8sLists(FunctionRegistry& r) {
  const Kind l = Kind::kList;
  r.Add("isSorted", {l}, true, IsSorted);
  r.Add("sum", {l}, true, Sum);
  r.Add("min", {l}, true, Extreme<false>);
  r.Add("max", {l}, true, Extreme<true>);
  r.Add("indexOf", {l, Kind::kAny}, true, IndexOf);
  r.Add("lastIndexOf", {l, Kind::kAny}, true, LastIndexOf);
  r.Add("slice", {l, Kind::kInt, Kind::kInt}, true, Slice);
  r.Add("flatten", {l}, true, Flatten);
  r.Add("flatten", {l, Kind::kInt}, true, Flatten);
  r.Add("distinct", {l}, true, Distinct);
  r.Add("reverse", {l}, true, Reverse);
  r.Add("sort", {l}, true, Sort);
  r.Add("first", {l}, true, First);
  r.Add("last", {l}, true, Last);
  r.Add("lists.range", {Kind::kInt}, false, Range);
}

}  // namespace ccspm::cel
