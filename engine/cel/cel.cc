#include "engine/cel/cel.h"

#include <algorithm>

#include "engine/cel/checker.h"
#include "engine/cel/interpreter.h"
#include "engine/cel/lexer.h"
#include "engine/cel/libraries.h"
#include "engine/cel/parser.h"
#include "engine/cel/program.h"

namespace ccspm::cel {

namespace {

std::shared_ptr<const FunctionRegistry> DefaultRegistry() {
  // Built on first use, then shared read-only by every environment.
  static const std::shared_ptr<const FunctionRegistry> registry = [] {
    auto built = std::make_shared<FunctionRegistry>();
    RegisterAllLibraries(*built);
    return built;
  }();
  return registry;
}

}  // namespace

void RegisterAllLibraries(FunctionRegistry& registry) {
  RegisterConversions(registry);
  RegisterStandardStrings(registry);
  RegisterCollections(registry);
  RegisterTime(registry);
  RegisterExtStrings(registry);
  RegisterExtFormat(registry);
  RegisterExtMath(registry);
  RegisterExtEncoders(registry);
  RegisterOptional(registry);
  RegisterK8sLists(registry);
  RegisterK8sSets(registry);
  RegisterK8sRegex(registry);
  RegisterK8sUrls(registry);
  RegisterK8sQuantity(registry);
  RegisterK8sNetwork(registry);
  RegisterK8sSemver(registry);
  RegisterK8sFormat(registry);
}

Environment Environment::Standard() {
  Environment env;
  env.registry_ = DefaultRegistry();
  return env;
}

Environment Environment::Kubernetes() {
  Environment env = Standard();
  for (const char* name : {"object", "oldObject", "request", "namespaceObject", "params"}) {
    env.AddVariable(name);
  }
  return env;
}

void Environment::AddVariable(std::string_view name) {
  if (VariableSlot(name) < 0) variables_.emplace_back(name);
}

void Environment::AddLazyVariable(std::string_view name) {
  if (LazySlot(name) < 0) lazy_.emplace_back(name);
}

int Environment::VariableSlot(std::string_view name) const {
  auto it = std::find(variables_.begin(), variables_.end(), name);
  return it == variables_.end() ? -1 : static_cast<int>(it - variables_.begin());
}

int Environment::LazySlot(std::string_view name) const {
  auto it = std::find(lazy_.begin(), lazy_.end(), name);
  return it == lazy_.end() ? -1 : static_cast<int>(it - lazy_.begin());
}

const std::string& Program::source() const { return compiled_->source; }

const std::string& Program::name() const { return compiled_->name; }

void Program::SetName(std::string name) {
  auto renamed = std::make_shared<Compiled>(*compiled_);
  renamed->name = std::move(name);
  compiled_ = std::move(renamed);
}

Result<Program> Compile(std::string_view expression, const Environment& env) {
  Result<ExprPtr> parsed = Parse(expression);
  if (!parsed.ok()) return parsed.status();

  int max_locals = 0;
  CCSPM_RETURN_IF_ERROR(Check(parsed->get(), env, expression, &max_locals));

  auto compiled = std::make_shared<Program::Compiled>();
  compiled->source = std::string(expression);
  compiled->name = compiled->source;
  compiled->root = std::shared_ptr<const Expr>(std::move(*parsed));
  compiled->registry = env.shared_registry();
  compiled->time_zones = env.time_zones();
  compiled->max_locals = max_locals;
  compiled->cost_limit = env.cost_limit();
  return Program(std::move(compiled));
}

Activation::Activation(const Environment& env)
    : env_(&env), values_(env.variable_count()), lazy_(env.lazy_count()) {}

Status Activation::Bind(std::string_view name, Value value) {
  const int slot = env_->VariableSlot(name);
  if (slot < 0) return InvalidError("undeclared variable '" + std::string(name) + "'");
  values_[slot] = std::move(value);
  return Status::Ok();
}

Status Activation::BindJson(std::string_view name, const JsonValue* json) {
  return Bind(name, json == nullptr ? Value::Null() : Value::FromJson(*json));
}

Status Activation::BindLazy(std::string_view name, const Program* program) {
  const int slot = env_->LazySlot(name);
  if (slot < 0) return InvalidError("undeclared variable 'variables." + std::string(name) + "'");
  lazy_[slot] = Lazy{program, LazyState::kPending, Value()};
  return Status::Ok();
}

void Activation::ResetLazy() {
  for (Lazy& lazy : lazy_) {
    lazy.state = LazyState::kPending;
    lazy.value = Value();
  }
}

Result<Value> Evaluate(const Program& program, const Activation& activation, CostBudget* budget) {
  const Program::Compiled& compiled = program.compiled();
  const uint64_t limit =
      budget == nullptr ? compiled.cost_limit : std::min(compiled.cost_limit, budget->remaining());

  CostTracker cost(limit);
  Interpreter interpreter(activation, &cost, compiled.time_zones.get(), compiled.max_locals);
  Value result = interpreter.Eval(*compiled.root);
  if (budget != nullptr) budget->used += cost.used();

  if (cost.exceeded()) {
    return InvalidError("cost budget exceeded evaluating expression '" + compiled.name +
                        "' (limit " + std::to_string(limit) + ")");
  }
  if (result.is_error()) {
    return ErrorAt(compiled.source, std::max(result.error_offset(), 0), result.error_message());
  }
  return result;
}

bool IsTrue(const Value& value) { return value.kind() == Kind::kBool && value.bool_value(); }

}  // namespace ccspm::cel
