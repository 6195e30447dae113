#include "cli/scan/policy_sources.h"

#include <filesystem>
#include <map>

#include "cli/scan/inputs.h"
#include "cli/scan/policy_library.h"
#include "manifest/manifest.h"

namespace ccspm::cli::scan {
namespace {

class Collector {
 public:
  // Adds the GoldenPolicy documents of `text`.
  void Add(const std::string& file, const std::string& text) {
    manifest::Manifest manifest = manifest::Manifest::Parse(text);
    for (const manifest::ManifestError& error : manifest.errors()) {
      errors_.push_back({file, error.position, error.message});
    }
    for (const manifest::ManifestDocument& document : manifest.documents()) {
      for (const manifest::ManifestObject& object : document.objects) {
        if (StringMember(*object.value, "kind") != engine::kPolicyKind) continue;
        ++documents_;
        AddPolicy(file, object);
      }
    }
  }

  void AddError(InputError error) { errors_.push_back(std::move(error)); }

  // GoldenPolicy documents seen, valid or not, and errors recorded: a source adds to either.
  size_t documents() const { return documents_; }
  size_t error_count() const { return errors_.size(); }

  LoadedPolicies Finish() {
    std::vector<engine::Policy> policies;
    for (auto& [name, defined] : policies_) policies.push_back(std::move(defined.policy));
    return {std::make_shared<const engine::PolicySet>(std::move(policies)), std::move(errors_)};
  }

 private:
  struct Defined {
    engine::Policy policy;
    std::string file;
  };

  void AddPolicy(const std::string& file, const manifest::ManifestObject& object) {
    Result<engine::Policy> policy = engine::ParsePolicy(*object.value);
    if (!policy.ok()) {
      const JsonValue* name_value = FindPath(*object.value, "metadata.name");
      const std::string name =
          name_value != nullptr && name_value->IsString() ? name_value->GetString() : "";
      errors_.push_back({file, object.position,
                         "GoldenPolicy " + (name.empty() ? "(no name)" : name) + ": " +
                             policy.status().message()});
      return;
    }
    std::string name = policy->name;
    auto [it, added] = policies_.try_emplace(std::move(name), Defined{std::move(*policy), file});
    if (!added) {
      errors_.push_back(
          {file, object.position,
           "GoldenPolicy " + it->first + " is defined twice (first in " + it->second.file + ")"});
    }
  }

  std::map<std::string, Defined> policies_;
  std::vector<InputError> errors_;
  size_t documents_ = 0;
};

const LibraryFile* FindBuiltin(const std::string& name) {
  for (const LibraryFile& file : PolicyLibrary()) {
    if (file.name == name) return &file;
  }
  return nullptr;
}

}  // namespace

std::string BuiltinPolicyNames() {
  std::string names;
  for (const LibraryFile& file : PolicyLibrary()) {
    if (!names.empty()) names += ", ";
    names += file.name;
  }
  return names;
}

Result<LoadedPolicies> LoadPolicySources(const std::vector<std::string>& sources) {
  Collector collector;
  std::vector<std::string> skipped_links;
  for (const std::string& source : sources) {
    const size_t documents_before = collector.documents();
    const size_t errors_before = collector.error_count();
    std::error_code error;
    if (!std::filesystem::exists(source, error)) {
      const LibraryFile* builtin = FindBuiltin(source);
      if (builtin == nullptr) {
        return InvalidError("--policy " + source + ": no such file, folder or built-in policy (" +
                            "built-in: " + BuiltinPolicyNames() + ")");
      }
      collector.Add("builtin:" + source, std::string(builtin->text));
      continue;
    }

    ExpandedInputs inputs = ExpandInputs({source});
    for (InputError& input_error : inputs.errors) collector.AddError(std::move(input_error));
    for (std::string& link : inputs.skipped_links) skipped_links.push_back(std::move(link));
    for (const InputFile& file : inputs.files) {
      Result<std::string> text = ReadInput(file.path, manifest::Limits().max_file_bytes);
      if (!text.ok()) {
        collector.AddError({file.display, {}, text.status().message()});
        continue;
      }
      collector.Add(file.display, *text);
    }

    // An error already says why a source gave nothing; otherwise this does.
    if (collector.documents() == documents_before && collector.error_count() == errors_before) {
      collector.AddError({source, {}, "no GoldenPolicy found in " + source});
    }
  }
  LoadedPolicies loaded = collector.Finish();
  loaded.skipped_links = std::move(skipped_links);
  return loaded;
}

}  // namespace ccspm::cli::scan
