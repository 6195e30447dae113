#include "engine/cel/regex.h"

namespace ccspm::cel {

namespace {

// Bounds the memory of one compiled pattern (RE2's program and DFA caches).
constexpr int64_t kMaxRegexMemory = 8 << 20;

}  // namespace

std::shared_ptr<const RE2> CompileRegex(std::string_view pattern, std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxRegexMemory);
  auto regex =
      std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!regex->ok()) {
    *error = "invalid regular expression '" + std::string(pattern) + "': " + regex->error();
    return nullptr;
  }
  return regex;
}

std::string BuildRegexCache(Expr* call) {
  // The pattern is the first argument after the receiver (or the second global argument).
  if (call->args.size() < 2) return "";
  const Expr& pattern = *call->args[1];
  if (pattern.kind != ExprKind::kConst || pattern.value.kind() != Kind::kString) return "";
  std::string error;
  std::shared_ptr<const RE2> regex = CompileRegex(pattern.value.text(), &error);
  if (regex == nullptr) return error;
  call->cache = regex;
  return "";
}

const RE2* RegexFor(const CallContext& context, const Value& pattern,
                    std::shared_ptr<const RE2>* holder, std::string* error) {
  if (context.call != nullptr && context.call->cache != nullptr) {
    return static_cast<const RE2*>(context.call->cache.get());
  }
  if (context.cost != nullptr) context.cost->Add(pattern.text().size());
  *holder = CompileRegex(pattern.text(), error);
  return holder->get();
}

}  // namespace ccspm::cel
