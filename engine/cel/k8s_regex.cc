// The Kubernetes regex library: find() and findAll() on RE2 (matches() is standard CEL).
#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"
#include "engine/cel/regex.h"

namespace ccspm::cel {

namespace {

Value Find(CallContext& context, std::span<const Value> a) {
  std::shared_ptr<const RE2> holder;
  std::string error;
  const RE2* regex = RegexFor(context, a[1], &holder, &error);
  if (regex == nullptr) return Value::Error(error);
  AddTextCost(context, a[0].text().size());
  const std::string_view text = a[0].text();
  re2::StringPiece match;
  if (!regex->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                    &match, 1)) {
    return Value::StringView("");
  }
  return Value::String(std::string(match.data(), match.size()));
}

Value FindAll(CallContext& context, std::span<const Value> a) {
  std::shared_ptr<const RE2> holder;
  std::string error;
  const RE2* regex = RegexFor(context, a[1], &holder, &error);
  if (regex == nullptr) return Value::Error(error);
  const int64_t limit = a.size() > 2 ? a[2].int_value() : -1;
  const std::string_view text = a[0].text();
  AddTextCost(context, text.size());

  std::vector<Value> matches;
  size_t pos = 0;
  while (pos <= text.size() && (limit < 0 || static_cast<int64_t>(matches.size()) < limit)) {
    re2::StringPiece match;
    if (!regex->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                      &match, 1)) {
      break;
    }
    matches.push_back(Value::String(std::string(match.data(), match.size())));
    const size_t end = static_cast<size_t>(match.data() - text.data()) + match.size();
    // An empty match advances by one byte so the scan always ends.
    pos = match.empty() ? end + 1 : end;
  }
  return Value::List(std::move(matches));
}

}  // namespace

void RegisterK8sRegex(FunctionRegistry& r) {
  r.Add("find", {Kind::kString, Kind::kString}, true, Find);
  r.Add("findAll", {Kind::kString, Kind::kString}, true, FindAll);
  r.Add("findAll", {Kind::kString, Kind::kString, Kind::kInt}, true, FindAll);
  r.SetCacheBuilder("find", BuildRegexCache);
  r.SetCacheBuilder("findAll", BuildRegexCache);
}

}  // namespace ccspm::cel
