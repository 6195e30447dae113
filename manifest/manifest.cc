#include "manifest/manifest.h"

#include <algorithm>

#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

bool IsList(const JsonValue& object) {
  const std::string_view kind = StringMember(object, "kind");
  const JsonValue* items = FindMember(object, "items");
  return kind.ends_with("List") && items != nullptr && items->IsArray();
}

// Neither apiVersion nor kind: some other YAML file (a Helm values file, a CI config, ...).
bool IsKubernetesObject(const JsonValue& value) {
  return value.IsObject() &&
         (FindMember(value, "apiVersion") != nullptr || FindMember(value, "kind") != nullptr);
}

}  // namespace

Manifest Manifest::Parse(std::string text, const Limits& limits) {
  Manifest manifest;
  manifest.text_ = std::move(text);
  const std::string_view view = manifest.text_;

  if (view.size() > limits.max_file_bytes) {
    manifest.errors_.push_back(
        {{1, 1}, "file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MiB"});
    return manifest;
  }
  manifest.chunks_ = SplitDocuments(view, ByteOrderMarkLength(view));
  const bool printable_ascii =
      std::all_of(manifest.chunks_.begin(), manifest.chunks_.end(),
                  [](const Chunk& chunk) { return chunk.printable_ascii; });
  size_t error_at = 0;
  Status text_ok = printable_ascii ? Status::Ok() : CheckText(view, &error_at);
  if (!text_ok.ok()) {
    // The error's own place, so reports point at the bad byte rather than the file's start.
    const int line = 1 + static_cast<int>(std::count(view.begin(), view.begin() + error_at, '\n'));
    manifest.errors_.push_back({manifest.ToPosition({error_at, line}), text_ok.message()});
    manifest.chunks_.clear();
    return manifest;
  }

  for (size_t i = 0; i < manifest.chunks_.size(); ++i) {
    ReadOutcome outcome = ReadDocuments(view, manifest.chunks_[i], limits);
    for (auto& parsed : outcome.documents) manifest.AddDocument(i, std::move(parsed));
    if (!outcome.ok) {
      manifest.AddError(outcome.error_at, std::move(outcome.error));
      manifest.failed_chunks_.push_back(i);
    }
  }
  return manifest;
}

bool Manifest::ChunkFailed(size_t chunk) const {
  return std::find(failed_chunks_.begin(), failed_chunks_.end(), chunk) != failed_chunks_.end();
}

void Manifest::AddDocument(size_t chunk, std::unique_ptr<ParsedDocument> parsed) {
  ManifestDocument document;
  document.chunk = chunk;
  const JsonValue& root = parsed->json;

  if (!IsKubernetesObject(root)) {
    ++skipped_;
  } else if (IsList(root)) {
    const JsonValue& items = *FindMember(root, "items");
    for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
      const std::string pointer = "/items/" + std::to_string(i);
      if (CheckObject(*parsed, items[i], pointer)) {
        document.objects.push_back({&items[i], pointer, {}});
      }
    }
  } else if (CheckObject(*parsed, root, "")) {
    document.objects.push_back({&root, "", {}});
  }

  for (ManifestObject& object : document.objects) {
    object.position = ToPosition(parsed->source_map.Find(root, object.pointer));
  }
  document.parsed = std::move(parsed);
  documents_.push_back(std::move(document));
}

// An object the API server would refuse for its type fields is an input error, not a finding.
bool Manifest::CheckObject(const ParsedDocument& parsed, const JsonValue& object,
                           std::string_view pointer) {
  const TextPosition where = parsed.source_map.Find(parsed.json, pointer);
  if (!object.IsObject()) {
    AddError(where, "a List item is not an object");
    return false;
  }
  for (const char* field : {"apiVersion", "kind"}) {
    const JsonValue* value = FindMember(object, field);
    if (value == nullptr || !value->IsString() || value->GetStringLength() == 0) {
      AddError(where, std::string("object has no ") + field + " (a non-empty string)");
      return false;
    }
  }
  return true;
}

void Manifest::AddError(TextPosition where, std::string message) {
  errors_.push_back({ToPosition(where), std::move(message)});
}

Position Manifest::ToPosition(TextPosition where) const {
  if (where.line <= 0) return {};
  return {where.line, CharacterColumn(text_, where.offset)};
}

Position Manifest::Locate(const ManifestDocument& document, const ManifestObject& object,
                          std::string_view pointer) const {
  std::string full = object.pointer;
  full += pointer;
  return ToPosition(document.parsed->source_map.Find(document.parsed->json, full));
}

}  // namespace ccspm::manifest
