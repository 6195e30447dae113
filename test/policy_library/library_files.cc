#include "test/policy_library/library_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/policy_loader.h"

#include "manifest/manifest.h"

namespace ccspm::policy_library {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadText(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFoundError("cannot read " + path.string());
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

Result<std::vector<JsonDocument>> ParseObjects(std::string text) {
  manifest::Manifest parsed = manifest::Manifest::Parse(std::move(text));
  if (!parsed.errors().empty()) {
    const manifest::ManifestError& error = parsed.errors().front();
    return InvalidError("line " + std::to_string(error.position.line) + ": " + error.message);
  }
  std::vector<JsonDocument> objects;
  for (const manifest::ManifestDocument& document : parsed.documents()) {
    for (const manifest::ManifestObject& object : document.objects) {
      objects.emplace_back().CopyFrom(*object.value, objects.back().GetAllocator());
    }
  }
  return objects;
}


}  // namespace

Result<std::vector<JsonDocument>> LoadObjects(const fs::path& path) {
  Result<std::string> text = ReadText(path);
  if (!text.ok()) return text.status();
  Result<std::vector<JsonDocument>> objects = ParseObjects(std::move(text).value());
  if (!objects.ok()) return InvalidError(path.string() + ": " + objects.status().message());
  return objects;
}

std::vector<fs::path> YamlFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> Subfolders(const fs::path& dir) {
  std::vector<fs::path> folders;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

Library LoadLibrary(const fs::path& dir) {
  Library library;
  std::vector<JsonDocument> documents;
  for (const fs::path& file : YamlFiles(dir)) {
    Result<std::vector<JsonDocument>> objects = LoadObjects(file);
    if (!objects.ok()) {
      library.errors.push_back(objects.status().message());
      continue;
    }
    for (JsonDocument& object : *objects) documents.push_back(std::move(object));
  }

  std::vector<const JsonValue*> objects;
  for (const JsonDocument& document : documents) objects.push_back(&document);
  engine::LoadedPolicies loaded = engine::LoadPolicies(objects);
  for (const engine::PolicyLoadError& error : loaded.errors) {
    library.errors.push_back(error.policy + ": " + error.status.message());
  }
  library.policies = loaded.set;
  return library;
}

const engine::Policy* FindPolicy(const engine::PolicySet& set, std::string_view name) {
  for (const engine::Policy& policy : set.policies()) {
    if (policy.name == name) return &policy;
  }
  return nullptr;
}

std::vector<std::string> CheckIds(const engine::Policy& policy) {
  std::vector<std::string> ids;
  auto add = [&ids](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const engine::GoldenSetting& setting : policy.settings) add(setting.id);
  for (const engine::Validation& validation : policy.validations) add(validation.id);
  return ids;
}

}  // namespace ccspm::policy_library
