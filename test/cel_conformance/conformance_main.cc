// Runs every test of every conformance file in a directory against the CEL engine.
//
//   cel_conformance DIR [KNOWN_FAILURES]
//
// Skip rule (documented in README.md): a test is skipped when it needs protobuf messages, which
// this engine (JSON objects, no protobuf) does not have: its expression names a message type
// (TestAllTypes and friends, or a google.protobuf type other than Timestamp and Duration), or
// its bindings or expected value hold a message object other than a Duration or a Timestamp.
// A test listed in KNOWN_FAILURES (one "file/section/test" per line, '#' starts a comment) has
// a wrong expected value in the data: when that value holds \uXXXX or \UXXXXXXXX escapes the
// JSON rendering left undecoded, the test is judged again against the decoded value and counts
// as passed or failed like any other; otherwise it is skipped, since the data cannot judge it.
// An error test passes with any error: like the upstream runners,
// only the outcome is compared, not the message text.
//
// Prints the failures, then "N passed, N failed, N skipped" as its last line; exits 1 when a
// test that is neither skipped nor a known failure fails. A missing DIR is skipped (exit 0).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "base/json.h"
#include "engine/cel/cel.h"
#include "test/cel_conformance/conformance_values.h"
#include "cli/zoneinfo_provider.h"

namespace ccspm::cel::conformance {
namespace {

struct Counts {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int repaired = 0;     // Known data faults judged against the decoded expected value.
  int data_faults = 0;  // Known data faults that cannot be judged: counted as skipped.
};

void AppendUtf8(uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// `text` with each literal \uXXXX and \UXXXXXXXX replaced by its code point in UTF-8.
std::string DecodeUnicodeEscapes(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t digits = 0;
    if (text[i] == '\\' && i + 1 < text.size()) {
      digits = text[i + 1] == 'u' ? 4 : text[i + 1] == 'U' ? 8 : 0;
    }
    uint32_t code_point = 0;
    bool valid = digits > 0 && i + 2 + digits <= text.size();
    for (size_t k = 0; valid && k < digits; ++k) {
      char c = text[i + 2 + k];
      int value = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                  : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                              : -1;
      valid = value >= 0;
      code_point = code_point * 16 + static_cast<uint32_t>(value < 0 ? 0 : value);
    }
    if (!valid) {
      out += text[i];
      continue;
    }
    AppendUtf8(code_point, out);
    i += 1 + digits;
  }
  return out;
}

// A copy of `test` whose expected string value has its undecoded escapes decoded, or nothing
// when the expected value has none.
std::optional<JsonDocument> WithDecodedExpectation(const JsonValue& test) {
  const JsonValue* expected = FindPath(test, "value.string_value");
  if (expected == nullptr || !expected->IsString()) return std::nullopt;
  std::string decoded = DecodeUnicodeEscapes(AsStringView(*expected));
  if (decoded == AsStringView(*expected)) return std::nullopt;

  JsonDocument copy;
  copy.CopyFrom(test, copy.GetAllocator());
  copy["value"]["string_value"].SetString(decoded.data(),
                                          static_cast<rapidjson::SizeType>(decoded.size()),
                                          copy.GetAllocator());
  return copy;
}

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
  auto zones = std::make_shared<cli::ZoneinfoProvider>("/usr/share/zoneinfo");
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
        std::string problem = RunTest(test, zones);
        if (problem.empty()) {
          ++counts.passed;
          if (known.count(name) > 0)
            std::printf("NOTE %s passes: remove it from known failures\n", name.c_str());
          continue;
        }
        if (known.count(name) > 0) {
          std::optional<JsonDocument> repaired = WithDecodedExpectation(test);
          if (!repaired.has_value()) {
            ++counts.skipped;
            ++counts.data_faults;
            std::printf("SKIP %s: its expected value is wrong in the data\n", name.c_str());
            continue;
          }
          ++counts.repaired;
          problem = RunTest(*repaired, zones);
        }
        if (problem.empty()) {
          ++counts.passed;
        } else {
          ++counts.failed;
          std::printf("FAIL %s\n  expr: %s\n  %s\n", name.c_str(),
                      std::string(StringMember(test, "expr")).c_str(), problem.c_str());
        }
      }
    }
  }
  std::printf("%d judged against expected values with their escapes decoded; %d skipped as "
              "wrong in the data (see the known-failures file)\n",
              counts.repaired, counts.data_faults);
  std::printf("%d passed, %d failed, %d skipped\n", counts.passed, counts.failed, counts.skipped);
  return counts.failed > 0 ? 1 : 0;
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
