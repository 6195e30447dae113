// Parses GoldenPolicy objects into the Policy model. Every error names the field it is about.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "engine/policy.h"

namespace ccspm::engine {
namespace {

template <typename Enum, size_t N>
Result<Enum> ParseEnum(const JsonValue& parent, const char* key, const std::string& field,
                       const std::array<std::pair<const char*, Enum>, N>& names, Enum fallback) {
  const JsonValue* value = FindMember(parent, key);
  if (value == nullptr) return fallback;

  std::string allowed;
  for (const auto& [name, option] : names) {
    if (value->IsString() && AsStringView(*value) == name) return option;
    allowed += allowed.empty() ? name : std::string(", ") + name;
  }
  return InvalidError(field + "." + key + ": must be one of " + allowed);
}

Result<std::vector<std::string>> ParseStringList(const JsonValue& parent, const char* key,
                                                 const std::string& field) {
  std::vector<std::string> list;
  const JsonValue* value = FindMember(parent, key);
  if (value == nullptr) return list;
  if (!value->IsArray()) return InvalidError(field + "." + key + ": must be a list of strings");

  for (const JsonValue& item : value->GetArray()) {
    if (!item.IsString() || item.GetStringLength() == 0) {
      return InvalidError(field + "." + key + ": must be a list of non-empty strings");
    }
    list.emplace_back(AsStringView(item));
  }
  return list;
}

// "Pod", "apps/Deployment" or "*".
KindSelector ParseKindSelector(std::string_view text) {
  size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) return {"", std::string(text)};
  return {std::string(text.substr(0, slash)), std::string(text.substr(slash + 1))};
}

Result<MatchSpec> ParseMatch(const JsonValue& spec) {
  const JsonValue* match = FindMember(spec, "match");
  if (match == nullptr || !match->IsObject()) return InvalidError("spec.match: required");
  MatchSpec result;

  Result<std::vector<std::string>> kinds = ParseStringList(*match, "kinds", "spec.match");
  if (!kinds.ok()) return kinds.status();
  if (kinds->empty()) return InvalidError("spec.match.kinds: at least one kind is required");
  for (const std::string& kind : *kinds) result.kinds.push_back(ParseKindSelector(kind));

  Result<std::vector<std::string>> namespaces = ParseStringList(*match, "namespaces", "spec.match");
  if (!namespaces.ok()) return namespaces.status();
  result.namespaces = std::move(*namespaces);

  Result<std::vector<std::string>> excluded =
      ParseStringList(*match, "excludeNamespaces", "spec.match");
  if (!excluded.ok()) return excluded.status();
  result.exclude_namespaces = std::move(*excluded);

  if (const JsonValue* selector = FindMember(*match, "selector"); selector != nullptr) {
    Result<LabelSelector> parsed = ParseLabelSelector(*selector, "spec.match.selector");
    if (!parsed.ok()) return parsed.status();
    result.selector = std::move(*parsed);
  }

  if (const JsonValue* expand = FindMember(*match, "podControllers"); expand != nullptr) {
    if (!expand->IsBool()) return InvalidError("spec.match.podControllers: must be a boolean");
    result.pod_controllers = expand->GetBool();
  }
  return result;
}

}  // namespace

bool IsValidCheckId(std::string_view id) {
  if (id.empty() || id.size() > 63) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

namespace {

// Why the place `path` names cannot hold a golden value, or "" when it can: the object's
// identity and what the API server itself writes would make every object a violation that no
// patch can mend.
std::string_view OwnedElsewhere(const FieldPath& path) {
  const auto& segments = path.segments();
  auto key = [&](size_t i) -> std::string_view {
    return i < segments.size() && segments[i].type == PathSegment::Type::kKey
               ? std::string_view(segments[i].key)
               : std::string_view();
  };
  if (key(0) == "apiVersion" || key(0) == "kind") return "the object's type";
  if (key(0) == "status") return "written by the object's controller, not by its users";
  if (key(0) != "metadata") return "";
  static constexpr std::string_view kServerOwned[] = {
      "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
      "deletionGracePeriodSeconds", "managedFields", "selfLink"};
  if (key(1) == "name" || key(1) == "namespace" || key(1) == "generateName") {
    return "the object's identity";
  }
  for (std::string_view owned : kServerOwned) {
    if (key(1) == owned) return "written by the API server";
  }
  return "";
}

Result<GoldenSetting> ParseSetting(const JsonValue& item, const std::string& field) {
  if (!item.IsObject()) return InvalidError(field + ": must be an object");
  GoldenSetting setting;

  setting.id = std::string(StringMember(item, "id"));
  if (!IsValidCheckId(setting.id)) {
    return InvalidError(field + ".id: required, up to 63 letters, digits, '-', '_' or '.'");
  }

  const JsonValue* path = FindMember(item, "path");
  if (path == nullptr || !path->IsString()) return InvalidError(field + ".path: required");
  Result<FieldPath> parsed_path = FieldPath::Parse(AsStringView(*path));
  if (!parsed_path.ok()) return parsed_path.status().Prefixed(field + ".path");
  setting.path = std::move(*parsed_path);
  if (std::string_view owner = OwnedElsewhere(setting.path); !owner.empty()) {
    return InvalidError(field + ".path: " + setting.path.ToString() + " is " + std::string(owner) +
                        "; a golden setting cannot set it");
  }

  const JsonValue* value = FindMember(item, "value");
  if (value == nullptr) return InvalidError(field + ".value: required");
  auto document = std::make_shared<JsonDocument>();
  document->CopyFrom(*value, document->GetAllocator());
  setting.value = std::move(document);

  static constexpr std::array<std::pair<const char*, SettingMode>, 2> kModes{
      {{"Enforce", SettingMode::kEnforce}, {"Default", SettingMode::kDefault}}};
  Result<SettingMode> mode = ParseEnum(item, "mode", field, kModes, SettingMode::kEnforce);
  if (!mode.ok()) return mode.status();
  setting.mode = *mode;

  Result<Severity> severity = ParseSeverity(item, field);
  if (!severity.ok()) return severity.status();
  setting.severity = *severity;

  setting.message = std::string(StringMember(item, "message"));

  if (const JsonValue* standards = FindMember(item, "standards"); standards != nullptr) {
    Result<Standards> parsed = ParseStandards(*standards, field + ".standards");
    if (!parsed.ok()) return parsed.status();
    setting.standards = std::move(*parsed);
  }
  return setting;
}

Result<std::vector<GoldenSetting>> ParseSettings(const JsonValue& spec) {
  std::vector<GoldenSetting> settings;
  const JsonValue* list = FindMember(spec, "settings");
  if (list == nullptr) return settings;
  if (!list->IsArray()) return InvalidError("spec.settings: must be a list");

  size_t index = 0;
  for (const JsonValue& item : list->GetArray()) {
    std::string field = "spec.settings[" + std::to_string(index++) + "]";
    Result<GoldenSetting> setting = ParseSetting(item, field);
    if (!setting.ok()) return setting.status();
    for (const GoldenSetting& earlier : settings) {
      if (earlier.id == setting->id) {
        return InvalidError(field + ".id: \"" + setting->id + "\" is used twice");
      }
    }
    settings.push_back(std::move(*setting));
  }
  return settings;
}

Status ParseActions(const JsonValue& spec, Policy& policy) {
  static constexpr std::array<std::pair<const char*, AdmissionAction>, 3> kAdmission{
      {{"Deny", AdmissionAction::kDeny},
       {"Warn", AdmissionAction::kWarn},
       {"Audit", AdmissionAction::kAudit}}};
  static constexpr std::array<std::pair<const char*, DriftAction>, 2> kDrift{
      {{"Remediate", DriftAction::kRemediate}, {"Report", DriftAction::kReport}}};

  if (const JsonValue* admission = FindMember(spec, "admission"); admission != nullptr) {
    Result<AdmissionAction> action =
        ParseEnum(*admission, "action", "spec.admission", kAdmission, AdmissionAction::kDeny);
    if (!action.ok()) return action.status();
    policy.admission = *action;
  }
  if (const JsonValue* drift = FindMember(spec, "drift"); drift != nullptr) {
    Result<DriftAction> action =
        ParseEnum(*drift, "action", "spec.drift", kDrift, DriftAction::kReport);
    if (!action.ok()) return action.status();
    policy.drift = *action;
  }
  return Status::Ok();
}

}  // namespace

Result<Severity> ParseSeverity(const JsonValue& item, const std::string& field) {
  static constexpr std::array<std::pair<const char*, Severity>, 4> kSeverities{
      {{"low", Severity::kLow},
       {"medium", Severity::kMedium},
       {"high", Severity::kHigh},
       {"critical", Severity::kCritical}}};
  return ParseEnum(item, "severity", field, kSeverities, Severity::kMedium);
}

Result<Standards> ParseStandards(const JsonValue& value, const std::string& field) {
  if (!value.IsObject()) return InvalidError(field + ": must be an object");
  Standards standards;
  const std::pair<const char*, std::vector<std::string>*> lists[] = {{"pss", &standards.pss},
                                                                     {"cis", &standards.cis},
                                                                     {"nist", &standards.nist},
                                                                     {"pci", &standards.pci},
                                                                     {"nsa", &standards.nsa}};
  for (const auto& [key, list] : lists) {
    Result<std::vector<std::string>> parsed = ParseStringList(value, key, field);
    if (!parsed.ok()) return parsed.status();
    *list = std::move(*parsed);
  }
  for (const auto& member : value.GetObject()) {
    std::string_view key = AsStringView(member.name);
    if (key != "pss" && key != "cis" && key != "nist" && key != "pci" && key != "nsa") {
      return InvalidError(field + "." + std::string(key) +
                          ": unknown standard (pss, cis, nist, pci or nsa)");
    }
  }
  return standards;
}

Result<Policy> ParsePolicy(const JsonValue& object) {
  if (!object.IsObject()) return InvalidError("a GoldenPolicy must be an object");
  if (StringMember(object, "kind") != kPolicyKind) {
    return InvalidError("kind: must be GoldenPolicy");
  }

  Policy policy;
  const JsonValue* name = FindPath(object, "metadata.name");
  if (name == nullptr || !name->IsString() || name->GetStringLength() == 0) {
    return InvalidError("metadata.name: required");
  }
  policy.name = std::string(AsStringView(*name));

  const JsonValue* spec = FindMember(object, "spec");
  if (spec == nullptr || !spec->IsObject()) return InvalidError("spec: required");
  policy.description = std::string(StringMember(*spec, "description"));

  Result<MatchSpec> match = ParseMatch(*spec);
  if (!match.ok()) return match.status();
  policy.match = std::move(*match);

  CCSPM_RETURN_IF_ERROR(ParseActions(*spec, policy));

  Result<std::vector<GoldenSetting>> settings = ParseSettings(*spec);
  if (!settings.ok()) return settings.status();
  policy.settings = std::move(*settings);

  CCSPM_RETURN_IF_ERROR(ParseCelChecks(*spec, policy));
  for (const Validation& validation : policy.validations) {
    for (const GoldenSetting& setting : policy.settings) {
      if (setting.id == validation.id) {
        return InvalidError("spec.validations: id \"" + validation.id + "\" is also a setting id");
      }
    }
  }
  return policy;
}

const char* AdmissionActionName(AdmissionAction action) {
  switch (action) {
    case AdmissionAction::kDeny:
      return "Deny";
    case AdmissionAction::kWarn:
      return "Warn";
    case AdmissionAction::kAudit:
      return "Audit";
  }
  return "Deny";
}

const char* DriftActionName(DriftAction action) {
  return action == DriftAction::kRemediate ? "Remediate" : "Report";
}

const char* SettingModeName(SettingMode mode) {
  return mode == SettingMode::kEnforce ? "Enforce" : "Default";
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "medium";
}

}  // namespace ccspm::engine
