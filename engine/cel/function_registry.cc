#include "engine/cel/function_registry.h"

namespace ccspm::cel {

namespace {

bool Matches(const Overload& overload, std::span<const Value> args, bool receiver) {
  if (overload.receiver != receiver || overload.params.size() != args.size()) return false;
  for (size_t i = 0; i < args.size(); ++i) {
    const Kind param = overload.params[i];
    if (param != Kind::kAny && param != args[i].kind()) return false;
  }
  return true;
}

}  // namespace

bool FunctionDecl::HasArity(size_t arity, bool receiver) const {
  for (const Overload& overload : overloads) {
    if (overload.receiver == receiver && overload.params.size() == arity) return true;
  }
  return false;
}

const Overload* FunctionDecl::Find(std::span<const Value> args, bool receiver) const {
  for (const Overload& overload : overloads) {
    if (Matches(overload, args, receiver)) return &overload;
  }
  return nullptr;
}

void FunctionRegistry::Add(std::string_view name, std::vector<Kind> params, bool receiver,
                           Function fn) {
  std::unique_ptr<FunctionDecl>& decl = functions_[std::string(name)];
  if (decl == nullptr) {
    decl = std::make_unique<FunctionDecl>();
    decl->name = std::string(name);
  }
  decl->overloads.push_back(Overload{std::move(params), receiver, fn});
}

void FunctionRegistry::AddBoth(std::string_view name, std::vector<Kind> params, Function fn) {
  Add(name, params, false, fn);
  Add(name, std::move(params), true, fn);
}

void FunctionRegistry::SetCacheBuilder(std::string_view name, CacheBuilder builder) {
  cache_builders_[std::string(name)] = builder;
}

const FunctionDecl* FunctionRegistry::Find(std::string_view name) const {
  auto it = functions_.find(std::string(name));
  return it == functions_.end() ? nullptr : it->second.get();
}

CacheBuilder FunctionRegistry::FindCacheBuilder(std::string_view name) const {
  auto it = cache_builders_.find(std::string(name));
  return it == cache_builders_.end() ? nullptr : it->second;
}

Value NoSuchOverload(std::string_view function) {
  return Value::Error("no such overload: " + std::string(function));
}

Value ErrorValue(std::string message) { return Value::Error(std::move(message)); }

}  // namespace ccspm::cel
