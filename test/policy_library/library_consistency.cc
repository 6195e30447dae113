#include "test/policy_library/library_consistency.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "test/policy_library/library_files.h"

namespace ccspm::policy_library {
namespace {

bool SameStandards(const engine::Standards& a, const engine::Standards& b) {
  return a.pss == b.pss && a.cis == b.cis && a.nist == b.nist && a.pci == b.pci && a.nsa == b.nsa;
}

std::string MessageSource(const engine::Validation& validation) {
  return validation.message_program.has_value() ? validation.message_program->source() : "";
}

const engine::Validation* FindValidation(const engine::Policy& policy, const std::string& id) {
  for (const engine::Validation& validation : policy.validations) {
    if (validation.id == id) return &validation;
  }
  return nullptr;
}

const engine::Variable* FindVariable(const engine::Policy& policy, const std::string& name) {
  for (const engine::Variable& variable : policy.variables) {
    if (variable.name == name) return &variable;
  }
  return nullptr;
}

}  // namespace

void CheckRestrictedIncludesBaseline(const engine::PolicySet& set, Tally& tally) {
  const engine::Policy* baseline = FindPolicy(set, "pss-baseline");
  const engine::Policy* restricted = FindPolicy(set, "pss-restricted");
  if (baseline == nullptr || restricted == nullptr) {
    tally.Expect(false, "pss-baseline and pss-restricted must both be in the library");
    return;
  }
  for (const engine::Variable& variable : baseline->variables) {
    const engine::Variable* copy = FindVariable(*restricted, variable.name);
    tally.Expect(copy != nullptr && copy->program.source() == variable.program.source(),
                 "pss-restricted variable " + variable.name + " differs from pss-baseline's");
  }
  for (const engine::Validation& validation : baseline->validations) {
    const engine::Validation* copy = FindValidation(*restricted, validation.id);
    tally.Expect(copy != nullptr && copy->program.source() == validation.program.source() &&
                     copy->message == validation.message &&
                     MessageSource(*copy) == MessageSource(validation) &&
                     copy->severity == validation.severity &&
                     SameStandards(copy->standards, validation.standards),
                 "pss-restricted check " + validation.id + " differs from pss-baseline's");
  }
}

void CheckDocumented(const engine::PolicySet& set, Tally& tally) {
  for (const engine::Policy& policy : set.policies()) {
    tally.Expect(!policy.description.empty(), policy.name + ": needs a description");
    for (const engine::GoldenSetting& setting : policy.settings) {
      tally.Expect(!setting.message.empty() && !setting.standards.empty(),
                   policy.name + " setting " + setting.id + ": needs a message and standards");
    }
    for (const engine::Validation& validation : policy.validations) {
      tally.Expect(!validation.message.empty() && !validation.standards.empty(),
                   policy.name + " check " + validation.id + ": needs a message and standards");
    }
  }
}

void CheckDocTable(const engine::PolicySet& set, const std::filesystem::path& doc, Tally& tally) {
  std::ifstream file(doc);
  std::set<std::string> rows;  // "| policy | `id` |" of each row.
  bool in_table = false;
  int row_count = 0;
  for (std::string line; std::getline(file, line);) {
    if (line.starts_with("<!-- checks:begin")) in_table = true;
    if (line.starts_with("<!-- checks:end")) in_table = false;
    if (!in_table || !line.starts_with("| ") || line.find(" | `") == std::string::npos) continue;
    const size_t end = line.find("` |");
    if (end == std::string::npos) continue;
    rows.insert(line.substr(0, end + 3));
    ++row_count;
  }

  int checks = 0;
  for (const engine::Policy& policy : set.policies()) {
    for (const std::string& id : CheckIds(policy)) {
      ++checks;
      tally.Expect(rows.count("| " + policy.name + " | `" + id + "` |") == 1,
                   doc.filename().string() + ": no row for " + policy.name + " " + id +
                       " (run policies/library/gen_docs.py)");
    }
  }
  tally.Expect(row_count == checks, doc.filename().string() + ": " + std::to_string(row_count) +
                                        " rows for " + std::to_string(checks) +
                                        " checks (run policies/library/gen_docs.py)");
}

}  // namespace ccspm::policy_library
