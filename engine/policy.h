// The GoldenPolicy model: what a policy matches, its golden settings, and what to do about them.
//
// A golden setting is a field path and the value it must have; it is both a check (the value
// differs) and a fix (set it). Policies are parsed once when they load and are immutable after,
// so one parsed PolicySet can be shared by any number of threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/json.h"
#include "engine/cel/cel.h"
#include "engine/field_path.h"
#include "engine/label_selector.h"

namespace ccspm::engine {

inline constexpr const char* kPolicyApiGroup = "ccspm.io";
inline constexpr const char* kPolicyApiVersion = "ccspm.io/v1alpha1";
inline constexpr const char* kPolicyKind = "GoldenPolicy";

// What admission does with an object that breaks a golden setting.
enum class AdmissionAction { kDeny, kWarn, kAudit };

// What the drift loop does with a stored object that has drifted.
enum class DriftAction { kRemediate, kReport };

enum class SettingMode {
  kEnforce,  // The value must be exactly this; absent or different is a violation.
  kDefault,  // The value is filled in when absent; a value the user set is kept.
};

enum class Severity { kLow, kMedium, kHigh, kCritical };

const char* AdmissionActionName(AdmissionAction action);
const char* DriftActionName(DriftAction action);
const char* SettingModeName(SettingMode mode);
const char* SeverityName(Severity severity);

// A kind a policy applies to. An empty group is the core group; "*" matches any.
struct KindSelector {
  std::string group;
  std::string kind;
};

// A CEL expression that must be true for a policy to apply, as a ValidatingAdmissionPolicy's
// matchConditions: `!has(object.spec.os) || object.spec.os.name != 'windows'`.
struct MatchCondition {
  std::string name;
  cel::Program program;
  bool admission_only = false;  // Reads `request` or `oldObject`: false outside admission.
};

struct MatchSpec {
  std::vector<KindSelector> kinds;
  std::vector<std::string> namespaces;          // Empty: every namespace.
  std::vector<std::string> exclude_namespaces;  // Wins over `namespaces`.
  LabelSelector selector;
  // When the policy matches Pods, also apply it to the pod template of every pod controller.
  bool pod_controllers = true;
  std::vector<MatchCondition> conditions;  // All must hold; compiled with the validations.
};

// The controls of the standards auditors ask for that a check implements, by framework.
struct Standards {
  std::vector<std::string> pss;   // Pod Security Standards control ids: "privileged".
  std::vector<std::string> cis;   // CIS Kubernetes Benchmark items: "5.2.1".
  std::vector<std::string> nist;  // NIST 800-53 controls: "AC-6".
  std::vector<std::string> pci;   // PCI DSS requirements: "2.2.1".
  std::vector<std::string> nsa;   // NSA/CISA Kubernetes Hardening Guidance sections.

  bool empty() const {
    return pss.empty() && cis.empty() && nist.empty() && pci.empty() && nsa.empty();
  }
};

struct GoldenSetting {
  std::string id;
  FieldPath path;
  std::shared_ptr<const JsonDocument> value;
  SettingMode mode = SettingMode::kEnforce;
  Severity severity = Severity::kMedium;
  std::string message;  // Optional; explains why the setting matters.
  Standards standards;
};

// A named CEL sub-expression, read by checks as `variables.<name>` and evaluated at most once
// per object.
struct Variable {
  std::string name;
  cel::Program program;
};

// A check written in CEL, with the variables of a ValidatingAdmissionPolicy (object, oldObject,
// request, namespaceObject, variables). It passes when the expression is true.
struct Validation {
  std::string id;
  cel::Program program;
  std::string message;                          // Static message; may be empty.
  std::optional<cel::Program> message_program;  // messageExpression, a string expression.
  std::string reason;                           // Forbidden (default), Invalid, ...
  Severity severity = Severity::kMedium;
  Standards standards;
  // Reads `request` or `oldObject`: checked at admission only, skipped by drift and scans.
  bool admission_only = false;
};

struct Policy {
  std::string name;
  std::string description;
  MatchSpec match;
  AdmissionAction admission = AdmissionAction::kDeny;
  DriftAction drift = DriftAction::kReport;
  std::vector<GoldenSetting> settings;
  std::vector<Variable> variables;
  std::vector<Validation> validations;
  // The CEL environment the programs were compiled in; shared, immutable.
  std::shared_ptr<const cel::Environment> cel_environment;
};

// A check id: 1 to 63 letters, digits, '-', '_' or '.'.
bool IsValidCheckId(std::string_view id);

// The `severity` member of `item` (default medium); `field` names `item` in errors.
Result<Severity> ParseSeverity(const JsonValue& item, const std::string& field);

// Parses a `standards` object; `field` names it in errors.
Result<Standards> ParseStandards(const JsonValue& value, const std::string& field);

// Parses and compiles spec.variables and spec.validations into `policy`. Errors name the field
// and the position in the expression: "spec.validations[1].expression: 1:7: ...".
Status ParseCelChecks(const JsonValue& spec, Policy& policy);

// Parses a GoldenPolicy object (from the API or a manifest). Errors name the field, e.g.
// "spec.settings[2].path: column 5: expected ']'".
Result<Policy> ParsePolicy(const JsonValue& object);

}  // namespace ccspm::engine
