#include "cli/scan/scan_result.h"

namespace ccspm::cli::scan {

std::string ObjectRef::Display() const {
  std::string text = api_version + " " + kind + " ";
  if (!namespace_name.empty()) text += namespace_name + "/";
  return text + (name.empty() ? "(no name)" : name);
}

std::vector<CheckInfo> Checks(const engine::Policy& policy) {
  std::vector<CheckInfo> checks;
  for (const engine::GoldenSetting& setting : policy.settings) {
    const std::string value = ToJson(*setting.value);
    std::string help = "Set " + setting.path.ToString() + " to " + value + " (" +
                       engine::SettingModeName(setting.mode) + " mode";
    help += setting.mode == engine::SettingMode::kDefault ? ": filled in when absent)."
                                                          : ": must have exactly this value).";
    if (!setting.message.empty()) help += " Why: " + setting.message + ".";
    help += " `ccspm fix` writes it into the manifest.";
    checks.push_back({setting.id, setting.path.ToString() + " must be " + value, std::move(help),
                      setting.severity, &setting.standards});
  }
  for (const engine::Validation& validation : policy.validations) {
    std::string summary = validation.message.empty()
                              ? "CEL check: " + validation.program.source()
                              : validation.message;
    std::string help = "The object must satisfy the CEL expression `" +
                       validation.program.source() + "`. There is no automatic fix.";
    checks.push_back({validation.id, std::move(summary), std::move(help), validation.severity,
                      &validation.standards});
  }
  return checks;
}

std::vector<std::string> CheckIds(const engine::Policy& policy) {
  std::vector<std::string> ids;
  for (CheckInfo& check : Checks(policy)) ids.push_back(std::move(check.id));
  return ids;
}

std::vector<std::string> StandardTags(const engine::Standards* standards) {
  std::vector<std::string> tags;
  if (standards == nullptr) return tags;
  const std::pair<const char*, const std::vector<std::string>*> frameworks[] = {
      {"pss", &standards->pss},
      {"cis", &standards->cis},
      {"nist", &standards->nist},
      {"pci", &standards->pci},
      {"nsa", &standards->nsa}};
  for (const auto& [framework, controls] : frameworks) {
    for (const std::string& control : *controls)
      tags.push_back(std::string(framework) + ":" + control);
  }
  return tags;
}

}  // namespace ccspm::cli::scan
