#include <filesystem>
#include <map>

#include "cli/scan/artifact_uri.h"
#include "cli/scan/json_writer.h"
#include "cli/scan/report.h"

namespace ccspm::cli::scan {
namespace {

const char* Level(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::kCritical:
    case engine::Severity::kHigh:
      return "error";
    case engine::Severity::kMedium:
      return "warning";
    case engine::Severity::kLow:
      return "note";
  }
  return "warning";
}

// The CVSS-like score GitHub code scanning sorts security alerts by.
const char* SecuritySeverity(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::kCritical:
      return "9.5";
    case engine::Severity::kHigh:
      return "7.5";
    case engine::Severity::kMedium:
      return "5.0";
    case engine::Severity::kLow:
      return "2.0";
  }
  return "5.0";
}

void WriteMessage(JsonWriter& writer, const char* key, std::string_view text) {
  writer.Key(key);
  writer.StartObject();
  WriteField(writer, "text", text);
  writer.EndObject();
}

void WriteRule(JsonWriter& writer, const engine::Policy& policy, const CheckInfo& check) {
  writer.StartObject();
  WriteField(writer, "id", policy.name + "/" + check.id);
  WriteField(writer, "name", check.id);
  WriteMessage(writer, "shortDescription", check.summary + " (" + policy.name + ")");
  WriteMessage(writer, "fullDescription",
               policy.description.empty() ? policy.name : policy.description);
  WriteMessage(writer, "help", check.help);
  writer.Key("defaultConfiguration");
  writer.StartObject();
  WriteField(writer, "level", Level(check.severity));
  writer.EndObject();

  writer.Key("properties");
  writer.StartObject();
  WriteField(writer, "severity", engine::SeverityName(check.severity));
  WriteField(writer, "security-severity", SecuritySeverity(check.severity));
  WriteField(writer, "policy", policy.name);
  writer.Key("tags");
  std::vector<std::string> tags = {"security", "kubernetes"};
  for (std::string& tag : StandardTags(check.standards)) tags.push_back(std::move(tag));
  WriteTexts(writer, tags);
  writer.EndObject();
  writer.EndObject();
}

void WriteLocation(JsonWriter& writer, const std::string& uri, manifest::Position position) {
  writer.StartObject();
  writer.Key("physicalLocation");
  writer.StartObject();
  writer.Key("artifactLocation");
  writer.StartObject();
  WriteField(writer, "uri", uri);
  writer.EndObject();
  if (position.known()) {
    writer.Key("region");
    writer.StartObject();
    writer.Key("startLine");
    writer.Int(position.line);
    writer.Key("startColumn");
    writer.Int(position.column);
    writer.EndObject();
  }
  writer.EndObject();
  writer.EndObject();
}

class SarifWriter {
 public:
  explicit SarifWriter(const ScanResult& result) : result_(result), writer_(buffer_) {
    std::error_code error;
    cwd_ = std::filesystem::current_path(error).string();
    writer_.SetIndent(' ', 2);
  }

  std::string Write() {
    writer_.StartObject();
    WriteField(writer_, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    WriteField(writer_, "version", "2.1.0");
    writer_.Key("runs");
    writer_.StartArray();
    writer_.StartObject();
    Tool();
    WriteField(writer_, "columnKind", "unicodeCodePoints");
    Results();
    Invocation();
    writer_.EndObject();
    writer_.EndArray();
    writer_.EndObject();
    return std::string(buffer_.GetString(), buffer_.GetSize()) + "\n";
  }

 private:
  void Tool() {
    writer_.Key("tool");
    writer_.StartObject();
    writer_.Key("driver");
    writer_.StartObject();
    WriteField(writer_, "name", "ccspm");
    WriteField(writer_, "version", CCSPM_VERSION);
    writer_.Key("rules");
    writer_.StartArray();
    if (result_.policies != nullptr) {
      for (const engine::Policy& policy : result_.policies->policies()) {
        for (const CheckInfo& check : Checks(policy)) {
          rule_index_.emplace(policy.name + "/" + check.id, rule_index_.size());
          WriteRule(writer_, policy, check);
        }
      }
    }
    writer_.EndArray();
    writer_.EndObject();
    writer_.EndObject();
  }

  void Results() {
    writer_.Key("results");
    writer_.StartArray();
    for (const Finding& finding : result_.findings) {
      const ScannedObject& object = result_.objects[finding.object];
      const engine::Violation& violation = finding.violation;
      const std::string rule = violation.policy + "/" + violation.check;

      writer_.StartObject();
      WriteField(writer_, "ruleId", rule);
      if (auto it = rule_index_.find(rule); it != rule_index_.end()) {
        writer_.Key("ruleIndex");
        writer_.Uint64(it->second);
      }
      WriteField(writer_, "level", Level(violation.severity));
      WriteMessage(writer_, "message", object.ref.Display() + ": " + violation.message);
      writer_.Key("locations");
      writer_.StartArray();
      WriteLocation(writer_, ArtifactUri(object.file, cwd_), finding.position);
      writer_.EndArray();
      writer_.Key("properties");
      writer_.StartObject();
      WriteField(writer_, "object", object.ref.Display());
      WriteField(writer_, "path", violation.path);
      WriteField(writer_, "mode", engine::SettingModeName(violation.mode));
      writer_.Key("fixable");
      writer_.Bool(violation.fixable);
      writer_.EndObject();
      writer_.EndObject();
    }
    writer_.EndArray();
  }

  // Input errors are the tool's own notifications, so code-scanning UIs do not count a broken
  // file as a security finding, and executionSuccessful says the scan was incomplete.
  void Invocation() {
    writer_.Key("invocations");
    writer_.StartArray();
    writer_.StartObject();
    writer_.Key("executionSuccessful");
    writer_.Bool(result_.errors.empty());
    writer_.Key("toolExecutionNotifications");
    writer_.StartArray();
    for (const InputError& error : result_.errors) {
      writer_.StartObject();
      WriteField(writer_, "level", "error");
      WriteMessage(writer_, "message", error.message);
      writer_.Key("locations");
      writer_.StartArray();
      WriteLocation(writer_, ArtifactUri(error.file, cwd_), error.position);
      writer_.EndArray();
      writer_.EndObject();
    }
    writer_.EndArray();
    writer_.EndObject();
    writer_.EndArray();
  }

  const ScanResult& result_;
  std::string cwd_;
  rapidjson::StringBuffer buffer_;
  JsonWriter writer_;
  std::map<std::string, size_t> rule_index_;
};

}  // namespace

std::string SarifReport(const ScanResult& result) { return SarifWriter(result).Write(); }

}  // namespace ccspm::cli::scan
