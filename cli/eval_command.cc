#include "cli/eval_command.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>

#include "base/json.h"
#include "engine/cel/cel.h"
#include "engine/cel/time_zone.h"

namespace ccspm::cli {

namespace {

constexpr int kMaxYamlDepth = 256;

// Named time zones for timestamp accessors, read from the system zoneinfo database.
class ZoneinfoProvider : public cel::TimeZoneProvider {
 public:
  std::optional<int32_t> OffsetAt(std::string_view name, int64_t unix_seconds) const override {
    if (name.empty() || name[0] == '/' || name.find("..") != std::string_view::npos) {
      return std::nullopt;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = zones_.find(name);
    if (it == zones_.end()) {
      std::ifstream file("/usr/share/zoneinfo/" + std::string(name), std::ios::binary);
      std::stringstream data;
      data << file.rdbuf();
      Result<cel::TzifZone> zone = cel::TzifZone::Parse(data.str());
      it = zones_.emplace(std::string(name), zone.ok() ? std::optional(*zone) : std::nullopt).first;
    }
    if (!it->second) return std::nullopt;
    return it->second->OffsetAt(unix_seconds);
  }

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::optional<cel::TzifZone>, std::less<>> zones_;  // by mutex_
};

// A plain YAML scalar typed as YAML 1.2 core schema does; quoted scalars stay strings.
JsonValue PlainScalar(const std::string& text, JsonDocument::AllocatorType& allocator) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return JsonValue(rapidjson::kNullType);
  }
  if (text == "true" || text == "True" || text == "TRUE") return JsonValue(true);
  if (text == "false" || text == "False" || text == "FALSE") return JsonValue(false);

  size_t used = 0;
  try {
    const long long integer = std::stoll(text, &used, 0);
    if (used == text.size()) return JsonValue(static_cast<int64_t>(integer));
  } catch (const std::exception&) {
    // Not an integer: fall through.
  }
  if (text.find_first_of("0123456789") != std::string::npos) {
    try {
      const double number = std::stod(text, &used);
      if (used == text.size()) return JsonValue(number);
    } catch (const std::exception&) {
      // Not a number: a string.
    }
  }
  return StringValue(text, allocator);
}

Status YamlToJson(const YAML::Node& node, JsonValue* out, JsonDocument::AllocatorType& allocator,
                  int depth) {
  if (depth > kMaxYamlDepth) return InvalidError("YAML nested too deeply");
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out->SetNull();
      return Status::Ok();
    case YAML::NodeType::Scalar:
      // yaml-cpp tags plain scalars "?" and quoted ones "!".
      if (node.Tag() == "!") {
        *out = StringValue(node.Scalar(), allocator);
      } else {
        *out = PlainScalar(node.Scalar(), allocator);
      }
      return Status::Ok();
    case YAML::NodeType::Sequence:
      out->SetArray();
      for (const YAML::Node& item : node) {
        JsonValue converted;
        CCSPM_RETURN_IF_ERROR(YamlToJson(item, &converted, allocator, depth + 1));
        out->PushBack(converted, allocator);
      }
      return Status::Ok();
    case YAML::NodeType::Map:
      out->SetObject();
      for (const auto& entry : node) {
        JsonValue value;
        CCSPM_RETURN_IF_ERROR(YamlToJson(entry.second, &value, allocator, depth + 1));
        out->AddMember(StringValue(entry.first.as<std::string>(), allocator), value, allocator);
      }
      return Status::Ok();
  }
  return Status::Ok();
}

Result<JsonDocument> LoadObject(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFoundError("cannot read " + path);
  std::stringstream data;
  data << file.rdbuf();
  const std::string text = data.str();

  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (text[first] == '{' || text[first] == '[')) {
    return ParseJson(text);
  }
  try {
    YAML::Node node = YAML::Load(text);
    JsonDocument doc;
    CCSPM_RETURN_IF_ERROR(YamlToJson(node, &doc, doc.GetAllocator(), 0));
    return doc;
  } catch (const YAML::Exception& e) {
    return InvalidError(path + ": " + e.what());
  }
}

int Usage() {
  std::fprintf(stderr, "usage: ccspm eval EXPRESSION [-f OBJECT_FILE]\n");
  return 2;
}

}  // namespace

int RunEval(int argc, char** argv) {
  std::string expression;
  std::string object_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "-f" || arg == "--file") && i + 1 < argc) {
      object_path = argv[++i];
    } else if (expression.empty() && !arg.starts_with("-")) {
      expression = arg;
    } else {
      return Usage();
    }
  }
  if (expression.empty()) return Usage();

  cel::Environment env = cel::Environment::Kubernetes();
  env.SetTimeZoneProvider(std::make_shared<ZoneinfoProvider>());
  Result<cel::Program> program = cel::Compile(expression, env);
  if (!program.ok()) {
    std::fprintf(stderr, "error: %s\n", program.status().message().c_str());
    return 1;
  }

  JsonDocument object;
  cel::Activation activation(env);
  if (!object_path.empty()) {
    Result<JsonDocument> loaded = LoadObject(object_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "error: %s\n", loaded.status().message().c_str());
      return 1;
    }
    object = std::move(*loaded);
    (void)activation.BindJson("object", &object);
  }

  cel::CostBudget budget;
  Result<cel::Value> value = cel::Evaluate(*program, activation, &budget);
  if (!value.ok()) {
    std::fprintf(stderr, "error: %s\n", value.status().message().c_str());
    return 1;
  }
  std::printf("%s\n", cel::ToJsonText(*value).c_str());
  return 0;
}

}  // namespace ccspm::cli
