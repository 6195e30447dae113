// Runs every test of every conformance file in a directory against the CEL engine.
//
//   cel_conformance DIR [KNOWN_FAILURES]
//
// Skip rule (documented in README.md): a test is skipped when it needs protobuf messages, which
// this engine (JSON objects, no protobuf) does not have: its expression names a message type
// (TestAllTypes and friends, or a google.protobuf type other than Timestamp and Duration), or
// its bindings or expected value hold a message object other than a Duration or a Timestamp.
// A test listed in KNOWN_FAILURES (one "file/section/test" per line, '#' starts a comment) may
// fail without failing the run. An error test passes with any error: like the upstream runners,
// only the outcome is compared, not the message text.
//
// Prints the failures, then "N passed, N failed, N skipped" as its last line; exits 1 when a
// test that is neither skipped nor a known failure fails. A missing DIR is skipped (exit 0).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "base/json.h"
#include "engine/cel/cel.h"
#include "test/cel_conformance/conformance_values.h"
#include "test/cel_conformance/zoneinfo_provider.h"

namespace ccspm::cel::conformance {
namespace {

struct Counts {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int known = 0;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream data;
  data << file.rdbuf();
  return data.str();
}

std::set<std::string> ReadKnownFailures(const char* path) {
  std::set<std::string> names;
  if (path == nullptr) return names;
  std::ifstream file(path);
  std::string line;
  while (std::getline(file, line)) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (!line.empty()) names.insert(line);
  }
  return names;
}

bool NeedsProtobuf(const JsonValue& test) {
  const std::string expr(StringMember(test, "expr"));
  for (const char* marker : {"TestAllTypes",
                             "TestRequired",
                             "GlobalEnum",
                             "NestedEnum",
                             "cel.expr.conformance",
                             "google.protobuf.Any",
                             "google.protobuf.Value",
                             "google.protobuf.Struct",
                             "google.protobuf.ListValue",
                             "google.protobuf.NullValue",
                             "Value{",
                             "google.protobuf.BoolValue",
                             "google.protobuf.BytesValue",
                             "google.protobuf.DoubleValue",
                             "google.protobuf.FloatValue",
                             "google.protobuf.Int32Value",
                             "google.protobuf.Int64Value",
                             "google.protobuf.StringValue",
                             "google.protobuf.UInt32Value",
                             "google.protobuf.UInt64Value",
                             "google.protobuf.FieldMask",
                             "google.protobuf.Empty"}) {
    if (expr.find(marker) != std::string::npos) return true;
  }
  const std::string text = ToJson(test);
  size_t pos = 0;
  while ((pos = text.find("\"@type\":\"type.googleapis.com/", pos)) != std::string::npos) {
    pos += 29;
    const std::string_view type = std::string_view(text).substr(pos);
    if (!type.starts_with("google.protobuf.Duration") &&
        !type.starts_with("google.protobuf.Timestamp")) {
      return true;
    }
  }
  return false;
}

// Runs one test; returns "" on success or what went wrong.
std::string RunTest(const JsonValue& test, std::shared_ptr<const TimeZoneProvider> zones) {
  Environment env = Environment::Standard();
  env.SetTimeZoneProvider(std::move(zones));
  env.SetChecked(!(FindMember(test, "disable_check") != nullptr &&
                   FindMember(test, "disable_check")->IsBool() &&
                   FindMember(test, "disable_check")->GetBool()));
  env.SetContainer(StringMember(test, "container"));
  if (const JsonValue* types = FindMember(test, "type_env"); types && types->IsArray()) {
    for (const JsonValue& decl : types->GetArray()) {
      if (FindMember(decl, "ident") != nullptr) env.AddVariable(StringMember(decl, "name"));
    }
  }
  const JsonValue* bindings = FindMember(test, "bindings");
  if (bindings != nullptr) {
    for (const auto& binding : bindings->GetObject()) env.AddVariable(AsStringView(binding.name));
  }

  Activation activation(env);
  if (bindings != nullptr) {
    for (const auto& binding : bindings->GetObject()) {
      const JsonValue* encoded = FindMember(binding.value, "value");
      Value value;
      std::string error;
      if (encoded == nullptr || !ToValue(*encoded, &value, &error)) {
        return "cannot load binding: " + error;
      }
      (void)activation.Bind(AsStringView(binding.name), std::move(value));
    }
  }

  Result<Program> program = Compile(StringMember(test, "expr"), env);
  Result<Value> result =
      program.ok() ? Evaluate(*program, activation) : Result<Value>(program.status());

  if (FindMember(test, "eval_error") != nullptr) {
    if (!result.ok()) return "";
    return "expected an error, got " + ToJsonText(*result);
  }
  Value expected = Value::Bool(true);
  if (const JsonValue* encoded = FindMember(test, "value"); encoded != nullptr) {
    std::string error;
    if (!ToValue(*encoded, &expected, &error)) return "cannot load expected value: " + error;
  }
  if (!result.ok()) return "error: " + result.status().message();
  if (!SameValue(*result, expected)) {
    return "got " + std::string(KindTypeName(result->kind())) + " " + ToJsonText(*result) +
           ", want " + std::string(KindTypeName(expected.kind())) + " " + ToJsonText(expected);
  }
  return "";
}

int Run(const std::filesystem::path& directory, const char* known_path) {
  const std::set<std::string> known = ReadKnownFailures(known_path);
  auto zones = std::make_shared<ZoneinfoProvider>("/usr/share/zoneinfo");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  Counts counts;
  for (const auto& path : files) {
    // Full precision: the default parse can be one ulp off for doubles like 1.38e-23.
    JsonDocument doc;
    const std::string text = ReadFile(path);
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    if (doc.HasParseError()) {
      std::printf("FAIL %s: not valid JSON\n", path.filename().c_str());
      ++counts.failed;
      continue;
    }
    const JsonValue* sections = FindMember(doc, "section");
    if (sections == nullptr || !sections->IsArray()) continue;
    for (const JsonValue& section : sections->GetArray()) {
      const JsonValue* tests = FindMember(section, "test");
      if (tests == nullptr || !tests->IsArray()) continue;
      for (const JsonValue& test : tests->GetArray()) {
        const std::string name = path.stem().string() + "/" +
                                 std::string(StringMember(section, "name")) + "/" +
                                 std::string(StringMember(test, "name"));
        if (NeedsProtobuf(test)) {
          ++counts.skipped;
          continue;
        }
        const std::string problem = RunTest(test, zones);
        if (problem.empty()) {
          ++counts.passed;
          if (known.count(name) > 0)
            std::printf("NOTE %s passes: remove it from known failures\n", name.c_str());
        } else if (known.count(name) > 0) {
          ++counts.known;
          ++counts.failed;
          std::printf("KNOWN %s\n", name.c_str());
        } else {
          ++counts.failed;
          std::printf("FAIL %s\n  expr: %s\n  %s\n", name.c_str(),
                      std::string(StringMember(test, "expr")).c_str(), problem.c_str());
        }
      }
    }
  }
  std::printf("%d known failures (listed in the known-failures file)\n", counts.known);
  std::printf("%d passed, %d failed, %d skipped\n", counts.passed, counts.failed, counts.skipped);
  return counts.failed > counts.known ? 1 : 0;
}

}  // namespace
}  // namespace ccspm::cel::conformance

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cel_conformance DIR [KNOWN_FAILURES]\n");
    return 2;
  }
  if (!std::filesystem::is_directory(argv[1])) {
    std::printf("conformance directory %s not found: skipping\n", argv[1]);
    std::printf("0 passed, 0 failed, 0 skipped\n");
    return 0;
  }
  return ccspm::cel::conformance::Run(argv[1], argc > 2 ? argv[2] : nullptr);
}
