#include "cli/app.h"

#include <cstdio>
#include <string_view>

#include "cli/controller_command.h"
#include "cli/eval_command.h"
#include "cli/scan/fix_command.h"
#include "cli/scan/scan_command.h"
#include "cli/scan/test_command.h"
#include "cli/webhook_command.h"

namespace ccspm::cli {
namespace {

constexpr const char* kUsage =
    "usage: ccspm <command> [flags]\n"
    "\n"
    "commands:\n"
    "  webhook      serve the validating and mutating admission webhooks\n"
    "  controller   watch policies and the objects they match; repair or report drift\n"
    "  eval         evaluate a CEL expression, optionally against an object from a file\n"
    "  scan         judge manifests (files, folders, stdin) against policies; table, JSON,\n"
    "               SARIF or JUnit\n"
    "  fix          write manifests back with the golden settings applied\n"
    "  test         run policy test suites (ccspm-test.yaml): expected pass, fail or skip\n"
    "  version      print the version\n"
    "\n"
    "Run 'ccspm <command> --help' for the flags of a command.\n";

}  // namespace

int Run(int argc, char** argv) {
  std::string_view command = argc > 1 ? argv[1] : "";
  if (command == "webhook") return RunWebhookCommand(argc - 1, argv + 1);
  if (command == "controller") return RunControllerCommand(argc - 1, argv + 1);
  if (command == "eval") return RunEval(argc - 1, argv + 1);
  if (command == "scan") return RunScanCommand(argc - 1, argv + 1);
  if (command == "fix") return RunFixCommand(argc - 1, argv + 1);
  if (command == "test") return RunTestCommand(argc - 1, argv + 1);
  if (command == "version" || command == "--version") {
    std::printf("ccspm %s\n", CCSPM_VERSION);
    return 0;
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  std::fprintf(
      stderr, "ccspm: %s\n%s",
      command.empty() ? "missing command" : ("unknown command " + std::string(command)).c_str(),
      kUsage);
  return 2;
}

}  // namespace ccspm::cli
