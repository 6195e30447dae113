#include "engine/cel_checks.h"

#include "engine/resolve.h"

namespace ccspm::engine {
namespace {

const JsonValue* FindKeys(const JsonValue& object, const FieldPath& path) {
  const JsonValue* node = &object;
  for (const PathSegment& segment : path.segments()) {
    node = FindMember(*node, segment.key);
    if (node == nullptr) return nullptr;
  }
  return node;
}

ConcretePath KeysOf(const FieldPath& path) {
  ConcretePath concrete;
  for (const PathSegment& segment : path.segments()) concrete.push_back({false, segment.key, 0});
  return concrete;
}

// The Pod a controller's template describes, borrowing the template's metadata and spec.
cel::Value PodView(const JsonValue& object, const PodTemplateLocation& location) {
  const JsonValue* metadata = FindKeys(object, location.metadata);
  const JsonValue* spec = FindKeys(object, location.spec);
  std::vector<std::pair<cel::Value, cel::Value>> fields;
  fields.emplace_back(cel::Value::StringView("apiVersion"), cel::Value::StringView("v1"));
  fields.emplace_back(cel::Value::StringView("kind"), cel::Value::StringView("Pod"));
  if (metadata != nullptr) {
    fields.emplace_back(cel::Value::StringView("metadata"), cel::Value::FromJson(*metadata));
  }
  if (spec != nullptr) {
    fields.emplace_back(cel::Value::StringView("spec"), cel::Value::FromJson(*spec));
  }
  return cel::Value::Map(std::move(fields));
}

std::string FailureMessage(const Validation& validation, const cel::Activation& activation,
                           cel::CostBudget* budget) {
  if (validation.message_program.has_value()) {
    Result<cel::Value> message = cel::Evaluate(*validation.message_program, activation, budget);
    // As in Kubernetes, a messageExpression that fails or is empty falls back to the message.
    if (message.ok() && message->kind() == cel::Kind::kString && !message->text().empty()) {
      return std::string(message->text());
    }
  }
  if (!validation.message.empty()) return validation.message;
  return "failed expression: " + validation.program.source();
}

// Binds the variables of a ValidatingAdmissionPolicy for `object` as `match` sees it.
void BindInputs(const PolicyMatch& match, const JsonValue& object, const CheckInputs& inputs,
                cel::Activation& activation) {
  if (match.how.pod_template.has_value()) {
    (void)activation.Bind("object", PodView(object, *match.how.pod_template));
  } else {
    (void)activation.BindJson("object", &object);
  }
  (void)activation.BindJson("oldObject", inputs.old_object);
  (void)activation.BindJson("request", inputs.request);
  (void)activation.BindJson("namespaceObject", inputs.namespace_object);
  // Lazy slots follow declaration order (policy_cel_parser.cc declares them in this order).
  const std::vector<Variable>& variables = match.policy->variables;
  for (size_t slot = 0; slot < variables.size(); ++slot) {
    activation.BindLazy(static_cast<int>(slot), &variables[slot].program);
  }
}

}  // namespace

bool ConditionsHold(const PolicyMatch& match, const JsonValue& object,
                    const CheckInputs& inputs) {
  const Policy& policy = *match.policy;
  if (policy.match.conditions.empty()) return true;

  cel::Activation activation(*policy.cel_environment);
  BindInputs(match, object, inputs, activation);
  cel::CostBudget budget;
  for (const MatchCondition& condition : policy.match.conditions) {
    if (condition.admission_only && inputs.request == nullptr) return false;
    Result<cel::Value> result = cel::Evaluate(condition.program, activation, &budget);
    // A condition that cannot be evaluated keeps the policy in force: failing closed means
    // checking the object, not letting it pass unchecked.
    if (result.ok() && result->kind() == cel::Kind::kBool && !result->bool_value()) return false;
  }
  return true;
}

void CheckValidations(const PolicyMatch& match, const JsonValue& object, const CheckInputs& inputs,
                      std::vector<Violation>* violations) {
  const Policy& policy = *match.policy;
  if (policy.validations.empty()) return;

  cel::Activation activation(*policy.cel_environment);
  BindInputs(match, object, inputs, activation);
  ConcretePath where;
  if (match.how.pod_template.has_value()) where = KeysOf(match.how.pod_template->spec);

  cel::CostBudget budget;
  for (const Validation& validation : policy.validations) {
    if (validation.admission_only && inputs.request == nullptr) continue;
    Result<cel::Value> result = cel::Evaluate(validation.program, activation, &budget);
    if (result.ok() && cel::IsTrue(*result)) continue;

    Violation violation;
    violation.policy = policy.name;
    violation.check = validation.id;
    violation.path = DisplayPath(where);
    violation.pointer = JsonPointer(where);
    violation.severity = validation.severity;
    violation.standards = &validation.standards;
    violation.fixable = false;
    if (!result.ok()) {
      violation.message = "expression could not be evaluated: " + result.status().message();
    } else if (result->kind() != cel::Kind::kBool) {
      violation.message = "expression must return a bool, got " + cel::ToJsonText(*result);
    } else {
      violation.message = FailureMessage(validation, activation, &budget);
    }
    if (!where.empty()) violation.message += " (at " + violation.path + ")";
    violations->push_back(std::move(violation));
  }
}

}  // namespace ccspm::engine
