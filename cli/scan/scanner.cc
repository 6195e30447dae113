#include "cli/scan/scanner.h"

#include "engine/check.h"

namespace ccspm::cli::scan {
namespace {

ObjectRef RefOf(const JsonValue& object, const engine::ObjectIdentity& identity) {
  return {std::string(StringMember(object, "apiVersion")), identity.kind, identity.namespace_name,
          identity.name};
}

}  // namespace

void ScanManifest(const std::string& file, const manifest::Manifest& manifest,
                  const engine::PolicySet& policies, ScanResult* result) {
  result->files.push_back(file);
  result->skipped_documents += manifest.skipped();
  for (const manifest::ManifestError& error : manifest.errors()) {
    result->errors.push_back({file, error.position, error.message});
  }

  for (const manifest::ManifestDocument& document : manifest.documents()) {
    for (const manifest::ManifestObject& object : document.objects) {
      const engine::ObjectIdentity identity = engine::ObjectIdentity::FromObject(*object.value);
      const std::vector<engine::PolicyMatch> matches =
          engine::ApplicablePolicies(policies, identity, *object.value);

      ScannedObject scanned{file, object.position, RefOf(*object.value, identity), {}};
      const size_t index = result->objects.size();
      for (const engine::PolicyMatch& match : matches) {
        scanned.policies.push_back(match.policy);
        for (engine::Violation& violation : engine::CheckPolicy(match, *object.value)) {
          const manifest::Position at = manifest.Locate(document, object, violation.pointer);
          result->findings.push_back({index, std::move(violation), at});
        }
      }
      result->objects.push_back(std::move(scanned));
    }
  }
}

void ScanFiles(const std::vector<InputFile>& inputs, ScanResult* result) {
  const manifest::Limits limits;
  for (const InputFile& input : inputs) {
    Result<std::string> text = ReadInput(input.path, limits.max_file_bytes);
    if (!text.ok()) {
      result->files.push_back(input.display);
      result->errors.push_back({input.display, {}, text.status().message()});
      continue;
    }
    const manifest::Manifest manifest = manifest::Manifest::Parse(std::move(*text), limits);
    ScanManifest(input.display, manifest, *result->policies, result);
  }
}

}  // namespace ccspm::cli::scan
