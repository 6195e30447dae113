// The standard string functions: size, contains, startsWith, endsWith and matches.
#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"
#include "engine/cel/regex.h"
#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

Value StringSize(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  return Value::Int(static_cast<int64_t>(CodePointCount(args[0].text())));
}

Value BytesSize(CallContext&, std::span<const Value> args) {
  return Value::Int(static_cast<int64_t>(args[0].text().size()));
}

Value Contains(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  return Value::Bool(args[0].text().find(args[1].text()) != std::string_view::npos);
}

Value StartsWith(CallContext&, std::span<const Value> args) {
  return Value::Bool(args[0].text().starts_with(args[1].text()));
}

Value EndsWith(CallContext&, std::span<const Value> args) {
  return Value::Bool(args[0].text().ends_with(args[1].text()));
}

Value Matches(CallContext& context, std::span<const Value> args) {
  std::shared_ptr<const RE2> holder;
  std::string error;
  const RE2* regex = RegexFor(context, args[1], &holder, &error);
  if (regex == nullptr) return Value::Error(error);
  AddTextCost(context, args[0].text().size());
  const std::string_view text = args[0].text();
  return Value::Bool(RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *regex));
}

}  // namespace

void RegisterStandardStrings(FunctionRegistry& r) {
  r.AddBoth("size", {Kind::kString}, StringSize);
  r.AddBoth("size", {Kind::kBytes}, BytesSize);
  r.Add("contains", {Kind::kString, Kind::kString}, true, Contains);
  r.Add("startsWith", {Kind::kString, Kind::kString}, true, StartsWith);
  r.Add("endsWith", {Kind::kString, Kind::kString}, true, EndsWith);
  r.AddBoth("matches", {Kind::kString, Kind::kString}, Matches);
  r.SetCacheBuilder("matches", BuildRegexCache);
}

}  // namespace ccspm::cel
