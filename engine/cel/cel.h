// The public API of the CEL engine: compile an expression once, evaluate it many times.
//
//   Environment env = Environment::Kubernetes();
//   env.AddLazyVariable("isPrivileged");           // variables.isPrivileged
//   Result<Program> program = Compile("object.spec.replicas <= 5", env);
//   Activation activation(env);
//   activation.BindJson("object", &pod);
//   CostBudget budget;                              // per policy
//   Result<Value> result = Evaluate(*program, activation, &budget);
//   bool allowed = result.ok() && IsTrue(*result);
//
// Compile parses and checks: syntax, names (variables, functions, type names) and function
// arities; a failure is an Invalid status "line:column: reason". Type errors that a static
// type system would catch (1 + 'a') surface at evaluation.
// Limitation: no static type inference because the Kubernetes objects are schemaless JSON here.
//
// Thread safety: Environment and Program are immutable after setup and may be shared by
// threads. An Activation belongs to one evaluation at a time (it caches lazy variables).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "base/status.h"
#include "engine/cel/cost.h"
#include "engine/cel/value.h"

namespace ccspm::cel {

class FunctionRegistry;
class TimeZoneProvider;
struct Expr;
class Program;

class Environment {
 public:
  // The standard CEL functions plus the extension libraries (strings, math, encoders, optional,
  // lists, sets, regex, URLs, quantities, IP and CIDR, format, semver), with no variables.
  static Environment Standard();
  // Standard() plus the variables of a ValidatingAdmissionPolicy: object, oldObject, request,
  // namespaceObject, params, and `variables.<name>` for names added with AddLazyVariable.
  static Environment Kubernetes();

  // Declares a variable; `name` may be qualified ("a.b.c"). Re-declaring is a no-op.
  void AddVariable(std::string_view name);
  // Declares `variables.<name>`, a named sub-expression evaluated at most once per activation.
  void AddLazyVariable(std::string_view name);
  // Names are resolved relative to `container` first ("com.example" makes `y` find
  // "com.example.y"), as in the CEL specification.
  void SetContainer(std::string_view container) { container_ = std::string(container); }
  void SetTimeZoneProvider(std::shared_ptr<const TimeZoneProvider> provider) {
    time_zones_ = std::move(provider);
  }
  // When false, undeclared names and functions compile and fail when evaluated (the
  // specification's "unchecked" mode). Default true.
  void SetChecked(bool checked) { checked_ = checked; }
  // Per-expression cost limit of the programs compiled in this environment.
  void SetCostLimit(uint64_t limit) { cost_limit_ = limit; }

  // The slot of a declared variable, or -1.
  int VariableSlot(std::string_view name) const;
  int LazySlot(std::string_view name) const;
  size_t variable_count() const { return variables_.size(); }
  size_t lazy_count() const { return lazy_.size(); }
  const std::vector<std::string>& variables() const { return variables_; }
  const std::string& container() const { return container_; }
  bool checked() const { return checked_; }
  uint64_t cost_limit() const { return cost_limit_; }
  const FunctionRegistry& registry() const { return *registry_; }
  const std::shared_ptr<const FunctionRegistry>& shared_registry() const { return registry_; }
  const std::shared_ptr<const TimeZoneProvider>& time_zones() const { return time_zones_; }

 private:
  std::shared_ptr<const FunctionRegistry> registry_;
  std::shared_ptr<const TimeZoneProvider> time_zones_;
  std::vector<std::string> variables_;
  std::vector<std::string> lazy_;
  std::string container_;
  bool checked_ = true;
  uint64_t cost_limit_ = CostBudget::kDefaultPerExpression;
};

// A compiled expression. Cheap to copy (shares the compiled tree).
class Program {
 public:
  struct Compiled;

  Program() = default;
  explicit Program(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}

  const std::string& source() const;
  // The name used in cost errors: the expression text unless SetName was called.
  const std::string& name() const;
  void SetName(std::string name);
  const Compiled& compiled() const { return *compiled_; }

 private:
  std::shared_ptr<const Compiled> compiled_;
};

Result<Program> Compile(std::string_view expression, const Environment& env);

// Variable bindings for evaluation. Values are borrowed where they are JSON: the bound documents
// must outlive every evaluation and every result that uses this activation. An activation may be
// rebound and reused (no allocation after the first use).
class Activation {
 public:
  explicit Activation(const Environment& env);

  // Binds a declared variable; Invalid for an undeclared name.
  Status Bind(std::string_view name, Value value);
  // Binds a variable to a JSON document (nullptr binds null), without copying it.
  Status BindJson(std::string_view name, const JsonValue* json);
  // Binds `variables.<name>` to a compiled sub-expression; `program` must outlive the activation.
  Status BindLazy(std::string_view name, const Program* program);
  // BindLazy by slot: the `slot`-th name given to AddLazyVariable, which must exist. For
  // callers that bind the same variables per evaluation and know their order.
  void BindLazy(int slot, const Program* program) {
    lazy_[slot] = Lazy{program, LazyState::kPending, Value()};
  }
  // Forgets cached lazy results (call after rebinding inputs).
  void ResetLazy();

  const Value& value(int slot) const { return values_[slot]; }

 private:
  friend class Interpreter;
  enum class LazyState : uint8_t { kPending, kRunning, kDone };
  struct Lazy {
    const Program* program = nullptr;
    LazyState state = LazyState::kPending;
    Value value;
  };

  const Environment* env_;
  std::vector<Value> values_;
  mutable std::vector<Lazy> lazy_;
};

// Evaluates `program`. `budget` (may be null) is the per-policy budget shared by several
// evaluations; the program's own per-expression limit applies too. An evaluation error, or an
// exceeded budget, is an Invalid status "line:column: message".
Result<Value> Evaluate(const Program& program, const Activation& activation,
                       CostBudget* budget = nullptr);

// True when `value` is the bool true.
bool IsTrue(const Value& value);

// Compact JSON text of a value. Bytes become base64 text, timestamps and durations their
// string forms, types their names, optionals their value or null, maps with non-string keys use
// the key's JSON text as the name, extension values their string forms.
std::string ToJsonText(const Value& value);

}  // namespace ccspm::cel
