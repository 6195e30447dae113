#include "cli/scan/scan_result.h"

namespace ccspm::cli::scan {

std::string ObjectRef::Display() const {
  std::string text = api_version + " " + kind + " ";
  if (!namespace_name.empty()) text += namespace_name + "/";
  return text + (name.empty() ? "(no name)" : name);
}

std::vector<std::string> CheckIds(const engine::Policy& policy) {
  std::vector<std::string> ids;
  ids.reserve(policy.settings.size());
  for (const engine::GoldenSetting& setting : policy.settings) ids.push_back(setting.id);
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
