#include "cli/scan/json_writer.h"
#include "cli/scan/report.h"

namespace ccspm::cli::scan {
namespace {

void WritePosition(JsonWriter& writer, const std::string& file, manifest::Position position) {
  WriteField(writer, "file", file);
  writer.Key("line");
  writer.Int(position.line);
  writer.Key("column");
  writer.Int(position.column);
}

void WriteStandards(JsonWriter& writer, const engine::Standards* standards) {
  static const engine::Standards kNone;
  const engine::Standards& shown = standards == nullptr ? kNone : *standards;
  writer.StartObject();
  const std::pair<const char*, const std::vector<std::string>*> frameworks[] = {
      {"pss", &shown.pss},
      {"cis", &shown.cis},
      {"nist", &shown.nist},
      {"pci", &shown.pci},
      {"nsa", &shown.nsa}};
  for (const auto& [name, controls] : frameworks) {
    writer.Key(name);
    WriteTexts(writer, *controls);
  }
  writer.EndObject();
}

void WriteFinding(JsonWriter& writer, const ScanResult& result, const Finding& finding) {
  const ScannedObject& object = result.objects[finding.object];
  const engine::Violation& violation = finding.violation;
  writer.StartObject();
  WritePosition(writer, object.file, finding.position);
  writer.Key("object");
  writer.StartObject();
  WriteField(writer, "apiVersion", object.ref.api_version);
  WriteField(writer, "kind", object.ref.kind);
  WriteField(writer, "namespace", object.ref.namespace_name);
  WriteField(writer, "name", object.ref.name);
  writer.Key("line");
  writer.Int(object.position.line);
  writer.EndObject();
  WriteField(writer, "policy", violation.policy);
  WriteField(writer, "check", violation.check);
  WriteField(writer, "severity", engine::SeverityName(violation.severity));
  WriteField(writer, "mode", engine::SettingModeName(violation.mode));
  writer.Key("fixable");
  writer.Bool(violation.fixable);
  WriteField(writer, "path", violation.path);
  WriteField(writer, "pointer", violation.pointer);
  WriteField(writer, "message", violation.message);
  writer.Key("standards");
  WriteStandards(writer, violation.standards);
  writer.EndObject();
}

}  // namespace

std::string JsonReport(const ScanResult& result) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.SetIndent(' ', 2);
  writer.StartObject();

  writer.Key("findings");
  writer.StartArray();
  for (const Finding& finding : result.findings) WriteFinding(writer, result, finding);
  writer.EndArray();

  writer.Key("errors");
  writer.StartArray();
  for (const InputError& error : result.errors) {
    writer.StartObject();
    WritePosition(writer, error.file, error.position);
    WriteField(writer, "message", error.message);
    writer.EndObject();
  }
  writer.EndArray();

  writer.Key("summary");
  writer.StartObject();
  const std::pair<const char*, size_t> counts[] = {{"files", result.files.size()},
                                                   {"objects", result.objects.size()},
                                                   {"findings", result.findings.size()},
                                                   {"errors", result.errors.size()},
                                                   {"skippedDocuments", result.skipped_documents},
                                                   {"skippedLinks", result.skipped_links.size()}};
  for (const auto& [name, count] : counts) {
    writer.Key(name);
    writer.Uint64(count);
  }
  writer.EndObject();

  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace ccspm::cli::scan
