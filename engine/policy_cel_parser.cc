// Parses and compiles the CEL parts of a GoldenPolicy: spec.variables and spec.validations.
// Expressions are compiled once here; a bad one rejects the policy with its position.
#include "engine/cel_references.h"
#include "engine/policy.h"

namespace ccspm::engine {
namespace {

Result<cel::Program> CompileField(const JsonValue& item, const char* key, const std::string& field,
                                  const cel::Environment& env) {
  const JsonValue* text = FindMember(item, key);
  if (text == nullptr || !text->IsString() || text->GetStringLength() == 0) {
    return InvalidError(field + "." + key + ": required");
  }
  Result<cel::Program> program = cel::Compile(AsStringView(*text), env);
  if (!program.ok()) return program.status().Prefixed(field + "." + key);
  program->SetName(field + "." + key);
  return program;
}

// Variables are declared before anything compiles, so a check may read any of them and a
// variable may read those declared before it.
Status DeclareVariables(const JsonValue* list, cel::Environment& env) {
  if (list == nullptr) return Status::Ok();
  if (!list->IsArray()) return InvalidError("spec.variables: must be a list");
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string_view name = StringMember((*list)[i], "name");
    std::string field = "spec.variables[" + std::to_string(i) + "].name";
    if (name.empty()) return InvalidError(field + ": required");
    // Lazy slots follow declaration order; a repeated name would shift every later one.
    if (env.LazySlot(name) >= 0) {
      return InvalidError(field + ": \"" + std::string(name) + "\" is declared twice");
    }
    env.AddLazyVariable(name);
  }
  return Status::Ok();
}

Result<Validation> ParseValidation(const JsonValue& item, size_t index,
                                   const cel::Environment& env) {
  std::string field = "spec.validations[" + std::to_string(index) + "]";
  if (!item.IsObject()) return InvalidError(field + ": must be an object");
  Validation validation;

  validation.id = std::string(StringMember(item, "id", "validation-" + std::to_string(index)));
  if (!IsValidCheckId(validation.id)) {
    return InvalidError(field + ".id: up to 63 letters, digits, '-', '_' or '.'");
  }

  Result<cel::Program> program = CompileField(item, "expression", field, env);
  if (!program.ok()) return program.status();
  validation.program = std::move(*program);

  validation.message = std::string(StringMember(item, "message"));
  if (FindMember(item, "messageExpression") != nullptr) {
    Result<cel::Program> message = CompileField(item, "messageExpression", field, env);
    if (!message.ok()) return message.status();
    validation.message_program = std::move(*message);
  }
  validation.reason = std::string(StringMember(item, "reason", "Forbidden"));

  Result<Severity> severity = ParseSeverity(item, field);
  if (!severity.ok()) return severity.status();
  validation.severity = *severity;

  if (const JsonValue* standards = FindMember(item, "standards"); standards != nullptr) {
    Result<Standards> parsed = ParseStandards(*standards, field + ".standards");
    if (!parsed.ok()) return parsed.status();
    validation.standards = std::move(*parsed);
  }
  return validation;
}

Status ParseConditions(const JsonValue* list, const cel::Environment& env, Policy& policy) {
  if (list == nullptr) return Status::Ok();
  if (!list->IsArray()) return InvalidError("spec.match.conditions: must be a list");
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string field = "spec.match.conditions[" + std::to_string(i) + "]";
    std::string name(StringMember((*list)[i], "name", "condition-" + std::to_string(i)));
    Result<cel::Program> program = CompileField((*list)[i], "expression", field, env);
    if (!program.ok()) return program.status();
    bool admission_only = ReadsAdmissionInputs(*program, policy.variables, env);
    policy.match.conditions.push_back({std::move(name), std::move(*program), admission_only});
  }
  return Status::Ok();
}

}  // namespace

Status ParseCelChecks(const JsonValue& spec, Policy& policy) {
  const JsonValue* variables = FindMember(spec, "variables");
  const JsonValue* validations = FindMember(spec, "validations");
  const JsonValue* match = FindMember(spec, "match");
  const JsonValue* conditions = match != nullptr ? FindMember(*match, "conditions") : nullptr;
  if (variables == nullptr && validations == nullptr && conditions == nullptr) {
    return Status::Ok();
  }

  auto env = std::make_shared<cel::Environment>(cel::Environment::Kubernetes());
  CCSPM_RETURN_IF_ERROR(DeclareVariables(variables, *env));

  for (rapidjson::SizeType i = 0; variables != nullptr && i < variables->Size(); ++i) {
    std::string field = "spec.variables[" + std::to_string(i) + "]";
    Result<cel::Program> program = CompileField((*variables)[i], "expression", field, *env);
    if (!program.ok()) return program.status();
    policy.variables.push_back(
        {std::string(StringMember((*variables)[i], "name")), std::move(*program)});
  }

  if (std::string cycle = FindVariableCycle(policy.variables); !cycle.empty()) {
    return InvalidError("spec.variables: \"" + cycle +
                        "\" refers to itself, directly or through other variables");
  }

  CCSPM_RETURN_IF_ERROR(ParseConditions(conditions, *env, policy));

  if (validations != nullptr) {
    if (!validations->IsArray()) return InvalidError("spec.validations: must be a list");
    for (rapidjson::SizeType i = 0; i < validations->Size(); ++i) {
      Result<Validation> validation = ParseValidation((*validations)[i], i, *env);
      if (!validation.ok()) return validation.status();
      for (const Validation& earlier : policy.validations) {
        if (earlier.id == validation->id) {
          return InvalidError("spec.validations[" + std::to_string(i) + "].id: \"" +
                              validation->id + "\" is used twice");
        }
      }
      validation->admission_only =
          ReadsAdmissionInputs(validation->program, policy.variables, *env);
      policy.validations.push_back(std::move(*validation));
    }
  }
  policy.cel_environment = std::move(env);
  return Status::Ok();
}

}  // namespace ccspm::engine
