#include "cli/scan/fixer.h"

#include "engine/check.h"
#include "engine/golden.h"
#include "manifest/emit.h"

namespace ccspm::cli::scan {
namespace {

using manifest::Manifest;
using manifest::ManifestDocument;
using manifest::ManifestObject;

bool IsMarkerOnly(std::string_view line) {
  if (!line.starts_with("---")) return false;
  const size_t rest = line.find_first_not_of(" \t\r\n", 3);
  return rest == std::string_view::npos || line[rest] == '#';
}

// The lines before a document's content that a rewrite keeps: blank lines, comments, directives
// and a bare "---". A "---" that carries content ("--- {a: 1}") is replaced by a bare one.
std::string LeadingLines(std::string_view chunk) {
  size_t end = 0;
  while (end < chunk.size()) {
    size_t next = chunk.find('\n', end);
    next = next == std::string_view::npos ? chunk.size() : next + 1;
    const std::string_view line = chunk.substr(end, next - end);
    const size_t first = line.find_first_not_of(" \t\r\n");
    const bool keep = first == std::string_view::npos || line[first] == '#' ||
                      line.starts_with('%') || IsMarkerOnly(line);
    if (!keep) {
      std::string kept(chunk.substr(0, end));
      if (line.starts_with("---")) kept += "---\n";
      return kept;
    }
    end = next;
  }
  return std::string(chunk);
}

std::string WithLineEndings(const std::string& text, bool crlf) {
  if (!crlf) return text;
  std::string converted;
  for (char c : text) {
    if (c == '\n') converted += '\r';
    converted += c;
  }
  return converted;
}

// "/items/3" -> 3: the List item an object came from.
rapidjson::SizeType ItemIndex(const std::string& pointer) {
  return static_cast<rapidjson::SizeType>(
      std::stoul(pointer.substr(std::string("/items/").size())));
}

std::string OpText(const engine::PatchOp& op) {
  const char* kinds[] = {"add", "replace", "remove", "test"};
  std::string text = std::string(kinds[static_cast<int>(op.kind)]) + " " + op.pointer;
  if (op.value != nullptr) text += ": " + ToJson(*op.value);
  return text;
}

class DocumentFixer {
 public:
  DocumentFixer(const Manifest& manifest, const ManifestDocument& document,
                const engine::PolicySet& policies, FixOutcome* outcome)
      : manifest_(manifest), document_(document), policies_(policies), outcome_(outcome) {
    fixed_.CopyFrom(document.parsed->json, fixed_.GetAllocator());
  }

  // Mends every object of the document; returns true when something changed.
  bool Fix() {
    bool changed = false;
    for (size_t i = 0; i < document_.objects.size(); ++i) changed |= FixObject(i);
    return changed;
  }

  const JsonValue& fixed() const { return fixed_; }

 private:
  bool FixObject(size_t index) {
    const ManifestObject& object = document_.objects[index];
    const engine::ObjectIdentity identity = engine::ObjectIdentity::FromObject(*object.value);
    const std::string name =
        std::string(StringMember(*object.value, "apiVersion")) + " " + identity.kind + " " +
        (identity.namespace_name.empty() ? "" : identity.namespace_name + "/") + identity.name;

    JsonDocument mended;
    mended.CopyFrom(*object.value, mended.GetAllocator());
    const std::vector<engine::PolicyMatch> matches =
        engine::ApplicablePolicies(policies_, identity, *object.value);
    size_t changes = 0;
    for (const engine::PolicyMatch& match : matches) {
      std::vector<engine::PatchOp> ops;
      engine::ApplyGoldenSettings(*match.policy, match.how, engine::FixScope::kEnforceAll, mended,
                                  &ops);
      for (const engine::PatchOp& op : ops) {
        outcome_->changes.push_back(name + ": " + match.policy->name + ": " + OpText(op));
      }
      changes += ops.size();
    }

    for (const engine::PolicyMatch& match : matches) {
      for (const engine::Violation& violation : engine::CheckPolicy(match, mended)) {
        const manifest::Position at = manifest_.Locate(document_, object, violation.pointer);
        outcome_->remaining.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) +
                                      ": " + violation.policy + "/" + violation.check + ": " +
                                      violation.message);
      }
    }

    if (changes == 0) return false;
    JsonValue& target = object.pointer.empty() ? static_cast<JsonValue&>(fixed_)
                                               : fixed_["items"][ItemIndex(object.pointer)];
    target.CopyFrom(mended, fixed_.GetAllocator());
    return true;
  }

  const Manifest& manifest_;
  const ManifestDocument& document_;
  const engine::PolicySet& policies_;
  FixOutcome* outcome_;
  JsonDocument fixed_;
};

}  // namespace

FixOutcome FixManifest(const Manifest& manifest, const engine::PolicySet& policies) {
  FixOutcome outcome;
  const std::string_view text = manifest.text();
  if (manifest.chunks().empty()) {
    outcome.text = std::string(text);
    return outcome;
  }
  outcome.text = std::string(text.substr(0, manifest.chunks()[0].offset));

  for (size_t c = 0; c < manifest.chunks().size(); ++c) {
    const manifest::Chunk& chunk = manifest.chunks()[c];
    const std::string_view bytes = text.substr(chunk.offset, chunk.size);
    std::vector<const ManifestDocument*> documents;
    for (const ManifestDocument& document : manifest.documents()) {
      if (document.chunk == c) documents.push_back(&document);
    }
    if (manifest.ChunkFailed(c) || documents.size() != 1 || documents[0]->objects.empty()) {
      outcome.text += bytes;
      continue;
    }

    DocumentFixer fixer(manifest, *documents[0], policies, &outcome);
    if (!fixer.Fix()) {
      outcome.text += bytes;
      continue;
    }

    // Where the content starts says whether the document was JSON.
    const std::string leading = LeadingLines(bytes);
    const char first = leading.size() < bytes.size() ? bytes[leading.size()] : ' ';
    const bool json = first == '{' || first == '[';
    Result<std::string> emitted = manifest::EmitDocument(
        fixer.fixed(), json ? manifest::EmitStyle::kJson : manifest::EmitStyle::kYaml);
    if (!emitted.ok()) {
      outcome.remaining.push_back(std::to_string(chunk.first_line) +
                                  ":1: not rewritten: " + emitted.status().message());
      outcome.text += bytes;
      continue;
    }
    const bool crlf = bytes.find("\r\n") != std::string_view::npos;
    outcome.text += leading + WithLineEndings(*emitted, crlf);
    ++outcome.changed_documents;
  }
  return outcome;
}

}  // namespace ccspm::cli::scan
