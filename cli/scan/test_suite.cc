#include "cli/scan/test_suite.h"

#include <algorithm>
#include <filesystem>

#include "cli/scan/inputs.h"
#include "manifest/manifest.h"

namespace ccspm::cli::scan {
namespace {

namespace fs = std::filesystem;

Result<std::vector<std::string>> Strings(const JsonValue& suite, const char* field,
                                         const std::string& where) {
  std::vector<std::string> strings;
  const JsonValue* list = FindMember(suite, field);
  if (list == nullptr) return strings;
  if (list->IsString()) return std::vector<std::string>{list->GetString()};
  if (!list->IsArray()) return InvalidError(where + ": " + field + ": must be a list of text");
  for (const JsonValue& item : list->GetArray()) {
    if (!item.IsString()) return InvalidError(where + ": " + field + ": must be a list of text");
    strings.emplace_back(AsStringView(item));
  }
  return strings;
}

Result<Verdict> ParseVerdict(std::string_view text, const std::string& where) {
  if (text == "pass") return Verdict::kPass;
  if (text == "fail") return Verdict::kFail;
  if (text == "skip") return Verdict::kSkip;
  return InvalidError(where + ": result: \"" + std::string(text) + "\" is not pass, fail or skip");
}

Status ReadExpectations(const JsonValue& suite, const std::string& where, Suite* out) {
  const JsonValue* results = FindMember(suite, "results");
  if (results == nullptr || !results->IsArray() || results->Empty()) {
    return InvalidError(where + ": results: must list at least one expectation");
  }
  size_t index = 0;
  for (const JsonValue& item : results->GetArray()) {
    const std::string field = where + ": results[" + std::to_string(index++) + "]";
    if (!item.IsObject()) return InvalidError(field + ": must be a map");

    Expectation expectation;
    expectation.policy = StringMember(item, "policy");
    expectation.check = StringMember(item, "check");
    if (expectation.policy.empty()) return InvalidError(field + ": policy: must be set");
    Result<Verdict> want = ParseVerdict(StringMember(item, "result"), field);
    if (!want.ok()) return want.status();
    expectation.want = *want;

    Result<std::vector<std::string>> resources = Strings(item, "resources", field);
    if (!resources.ok()) return resources.status();
    if (const JsonValue* one = FindMember(item, "resource"); one != nullptr && one->IsString()) {
      resources->emplace_back(AsStringView(*one));
    }
    if (resources->empty()) return InvalidError(field + ": resource or resources: must be set");
    for (const std::string& resource : *resources) {
      expectation.resource = resource;
      out->expectations.push_back(expectation);
    }
  }
  return Status::Ok();
}

// Whether `ref` is the resource `spec` names: "Kind/name" or "Kind/namespace/name".
bool Names(const std::string& spec, const ObjectRef& ref) {
  const size_t first = spec.find('/');
  const size_t last = spec.rfind('/');
  if (first == std::string::npos) return false;
  if (spec.substr(0, first) != ref.kind || spec.substr(last + 1) != ref.name) return false;
  return first == last || spec.substr(first + 1, last - first - 1) == ref.namespace_name;
}

// `resource` of a suite in `folder`, made relative to the working folder. A suite tests what
// it holds: absolute paths, paths that climb out with "..", and links that lead out are refused.
Result<std::string> ResourcePath(const fs::path& folder, const std::string& resource) {
  const fs::path relative = fs::path(resource).lexically_normal();
  if (relative.is_absolute()) {
    return InvalidError(resource + ": absolute path; name a file inside the suite's folder");
  }
  if (relative.empty() || *relative.begin() == "..") {
    return InvalidError(resource + ": outside the suite's folder");
  }

  const fs::path path = (folder / relative).lexically_normal();
  std::error_code error;
  const fs::path real_folder = fs::weakly_canonical(folder.empty() ? "." : folder, error);
  const fs::path real_path = fs::weakly_canonical(path, error);
  const fs::path inside = real_path.lexically_relative(real_folder);
  if (error || inside.empty() || *inside.begin() == "..") {
    return InvalidError(resource + ": leads outside the suite's folder");
  }
  return path.string();
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "fail";
    case Verdict::kSkip:
      return "skip";
  }
  return "skip";
}

Result<Suite> ReadSuite(const std::string& file) {
  Result<std::string> text = ReadInput(file, manifest::Limits().max_file_bytes);
  if (!text.ok()) return text.status().Prefixed(file);
  const manifest::Manifest manifest = manifest::Manifest::Parse(std::move(*text));
  if (!manifest.errors().empty()) {
    const manifest::ManifestError& error = manifest.errors()[0];
    return InvalidError(file + ":" + std::to_string(error.position.line) + ":" +
                        std::to_string(error.position.column) + ": " + error.message);
  }
  if (manifest.documents().size() != 1 || !manifest.documents()[0].parsed->json.IsObject()) {
    return InvalidError(file + ": a suite is one YAML map");
  }
  const JsonValue& root = manifest.documents()[0].parsed->json;

  Suite suite;
  suite.file = file;
  suite.name = StringMember(root, "name", fs::path(file).parent_path().filename().string());
  const fs::path folder = fs::path(file).parent_path();
  Result<std::vector<std::string>> policies = Strings(root, "policies", file);
  if (!policies.ok()) return policies.status();
  for (const std::string& policy : *policies) {
    // A name without a path of that name is a built-in policy, as with --policy.
    const fs::path path = folder / policy;
    suite.policies.push_back(fs::exists(path) ? path.lexically_normal().string() : policy);
  }
  Result<std::vector<std::string>> resources = Strings(root, "resources", file);
  if (!resources.ok()) return resources.status();
  for (const std::string& resource : *resources) {
    Result<std::string> path = ResourcePath(folder, resource);
    if (!path.ok()) return path.status().Prefixed(file + ": resources");
    suite.resources.push_back(std::move(*path));
  }
  if (suite.policies.empty()) return InvalidError(file + ": policies: must list a policy");
  if (suite.resources.empty()) return InvalidError(file + ": resources: must list a file");

  CCSPM_RETURN_IF_ERROR(ReadExpectations(root, file, &suite));
  return suite;
}

std::vector<Outcome> Evaluate(const Suite& suite, const ScanResult& result) {
  std::vector<Outcome> outcomes;
  for (const Expectation& expectation : suite.expectations) {
    Outcome outcome{&expectation};
    const engine::Policy* policy = nullptr;
    for (const engine::Policy& candidate : result.policies->policies()) {
      if (candidate.name == expectation.policy) policy = &candidate;
    }
    std::vector<size_t> objects;
    for (size_t i = 0; i < result.objects.size(); ++i) {
      if (Names(expectation.resource, result.objects[i].ref)) objects.push_back(i);
    }
    const std::vector<std::string> checks = policy ? CheckIds(*policy) : std::vector<std::string>{};

    if (policy == nullptr) {
      outcome.error = "no policy " + expectation.policy;
    } else if (!expectation.check.empty() &&
               std::find(checks.begin(), checks.end(), expectation.check) == checks.end()) {
      outcome.error = "policy " + expectation.policy + " has no check " + expectation.check;
    } else if (objects.size() != 1) {
      outcome.error = objects.empty() ? "no resource " + expectation.resource
                                      : "more than one resource " + expectation.resource;
    } else {
      const ScannedObject& object = result.objects[objects[0]];
      const bool matched = std::find(object.policies.begin(), object.policies.end(), policy) !=
                           object.policies.end();
      const bool broken =
          std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& finding) {
            return finding.object == objects[0] && finding.violation.policy == policy->name &&
                   (expectation.check.empty() || finding.violation.check == expectation.check);
          });
      outcome.got = !matched ? Verdict::kSkip : broken ? Verdict::kFail : Verdict::kPass;
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace ccspm::cli::scan
