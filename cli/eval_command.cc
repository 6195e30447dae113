#include "cli/eval_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "base/json.h"
#include "cli/scan/inputs.h"
#include "cli/zoneinfo_provider.h"
#include "engine/cel/cel.h"
#include "manifest/manifest.h"

namespace ccspm::cli {

namespace {


// The first document of the file at `path` ("-" for standard input; YAML or JSON, read as
// kubectl reads manifests), which `holder` keeps alive. Errors name the file, and the line and
// column where there is one.
Result<const JsonValue*> LoadObject(const std::string& path,
                                    std::optional<manifest::Manifest>* holder) {
  const std::string name = path == "-" ? scan::kStdinName : path;
  std::error_code error;
  if (path != "-" && std::filesystem::is_directory(path, error)) {
    return InvalidError(name + ": is a folder; -f takes one file (or - for standard input)");
  }
  const manifest::Limits limits;
  Result<std::string> text = scan::ReadInput(path, limits.max_file_bytes);
  if (!text.ok()) return text.status().Prefixed(name);

  *holder = manifest::Manifest::Parse(std::move(*text), limits);
  const manifest::Manifest& manifest = **holder;
  if (!manifest.errors().empty()) {
    const manifest::ManifestError& error = manifest.errors().front();
    return InvalidError(name + ":" + std::to_string(error.position.line) + ":" +
                        std::to_string(error.position.column) + ": " + error.message);
  }
  if (manifest.documents().empty()) return InvalidError(name + ": no document");
  return &manifest.documents().front().parsed->json;
}

constexpr const char* kUsage =
    "usage: ccspm eval EXPRESSION [-f OBJECT_FILE | -f -]\n"
    "\n"
    "Evaluates a CEL expression in the Kubernetes environment and prints its value as JSON.\n"
    "With -f, `object` is the first document of OBJECT_FILE (YAML or JSON; - reads standard\n"
    "input).\n"
    "\n"
    "exit codes: 0 evaluated, 1 the expression or the object has an error, 2 usage error\n";

int Usage() {
  std::fputs(kUsage, stderr);
  return 2;
}

}  // namespace

int RunEval(int argc, char** argv) {
  std::string expression;
  std::string object_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
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
  env.SetTimeZoneProvider(std::make_shared<ZoneinfoProvider>("/usr/share/zoneinfo"));
  Result<cel::Program> program = cel::Compile(expression, env);
  if (!program.ok()) {
    std::fprintf(stderr, "error: %s\n", program.status().message().c_str());
    return 1;
  }

  std::optional<manifest::Manifest> manifest;
  cel::Activation activation(env);
  if (!object_path.empty()) {
    Result<const JsonValue*> object = LoadObject(object_path, &manifest);
    if (!object.ok()) {
      std::fprintf(stderr, "error: %s\n", object.status().message().c_str());
      return 1;
    }
    (void)activation.BindJson("object", *object);
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
