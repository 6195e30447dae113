#include "cli/scan/fix_command.h"

#include <cstdio>
#include <string>

#include "cli/scan/atomic_file.h"
#include "cli/scan/command_line.h"
#include "cli/scan/exit_code.h"
#include "cli/scan/fixer.h"
#include "cli/scan/inputs.h"
#include "cli/scan/policy_sources.h"

namespace ccspm::cli {
namespace {

using scan::kExitClean;
using scan::kExitError;
using scan::kExitFindings;

constexpr const char* kUsage =
    "usage: ccspm fix [flags] PATH... | -\n"
    "\n"
    "Writes manifests back with the golden settings of the matching policies applied.\n"
    "Documents that need no change keep their bytes; changed documents are written again\n"
    "(see docs/cli.md for what that keeps). Standard input (-) is written to standard output.\n"
    "\n"
    "flags:\n"
    "  -p, --policy SOURCE   a policy file, a folder of them, or a built-in name; repeatable\n"
    "  --dry-run             print the changes, write nothing\n"
    "\n"
    "exit codes: 0 fixed (or nothing to fix), 1 violations remain that no fix mends,\n"
    "            2 usage or input errors\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "ccspm fix: %s\n\n%s", message.c_str(), kUsage);
  return kExitError;
}

// Messages go to stderr when the fixed manifest itself goes to stdout.
struct Output {
  FILE* messages = stdout;
};

void PrintError(const Output& output, const scan::InputError& error) {
  std::string where = error.file;
  if (error.position.known()) {
    where +=
        ":" + std::to_string(error.position.line) + ":" + std::to_string(error.position.column);
  }
  std::fprintf(output.messages, "error: %s: %s\n", where.c_str(), error.message.c_str());
}

void PrintSkippedLink(const Output& output, const std::string& link) {
  std::fprintf(output.messages, "skipped symbolic link (not followed): %s\n", link.c_str());
}

}  // namespace

int RunFixCommand(int argc, char** argv) {
  const scan::FlagSpec spec{{"policy"}, {"dry-run"}, {{'p', "policy"}}};
  Result<scan::CommandLine> line =
      scan::ParseCommandLine(std::vector<std::string_view>(argv + 1, argv + argc), spec);
  if (!line.ok()) return UsageError(line.status().message());
  if (line->help) {
    std::printf("%s", kUsage);
    return kExitClean;
  }
  if (line->paths.empty()) return UsageError("no PATH to fix (use - for standard input)");
  if (!line->values.contains("policy")) return UsageError("no policy: give --policy");
  const bool dry_run = line->switches.contains("dry-run");

  Result<scan::LoadedPolicies> policies = scan::LoadPolicySources(line->values["policy"]);
  if (!policies.ok()) return UsageError(policies.status().message());
  scan::ExpandedInputs inputs = scan::ExpandInputs(line->paths);

  Output output;
  for (const scan::InputFile& file : inputs.files) {
    if (file.path == "-") output.messages = stderr;
  }
  bool input_error = !policies->errors.empty() || !inputs.errors.empty();
  for (const scan::InputError& error : policies->errors) PrintError(output, error);
  for (const scan::InputError& error : inputs.errors) PrintError(output, error);
  for (const std::string& link : policies->skipped_links) PrintSkippedLink(output, link);
  for (const std::string& link : inputs.skipped_links) PrintSkippedLink(output, link);

  size_t remaining = 0;
  const manifest::Limits limits;
  for (const scan::InputFile& file : inputs.files) {
    // Renaming over a link would replace the link, and writing through it would change a file
    // the user may not have meant to name; the target can be named instead.
    if (file.path != "-" && scan::IsSymbolicLink(file.path)) {
      PrintError(output, {file.display, {}, "is a symbolic link: not fixed (name its target)"});
      input_error = true;
      continue;
    }
    Result<std::string> text = scan::ReadInput(file.path, limits.max_file_bytes);
    if (!text.ok()) {
      PrintError(output, {file.display, {}, text.status().message()});
      input_error = true;
      continue;
    }
    const manifest::Manifest manifest = manifest::Manifest::Parse(std::move(*text), limits);
    if (!manifest.errors().empty()) {
      for (const manifest::ManifestError& error : manifest.errors()) {
        PrintError(output, {file.display, error.position, error.message + " (file not fixed)"});
      }
      input_error = true;
      if (file.path == "-") std::fwrite(manifest.text().data(), 1, manifest.text().size(), stdout);
      continue;
    }

    scan::FixOutcome outcome = scan::FixManifest(manifest, *policies->set);
    for (const std::string& change : outcome.changes) {
      std::fprintf(output.messages, "%s: %s\n", file.display.c_str(), change.c_str());
    }
    for (const std::string& left : outcome.remaining) {
      std::fprintf(output.messages, "not fixed: %s:%s\n", file.display.c_str(), left.c_str());
    }
    remaining += outcome.remaining.size();

    if (file.path == "-") {
      std::fwrite(outcome.text.data(), 1, outcome.text.size(), stdout);
    } else if (outcome.changed_documents > 0 && !dry_run) {
      if (Status written = scan::WriteFileAtomically(file.path, outcome.text); !written.ok()) {
        PrintError(output, {file.display, {}, written.message()});
        input_error = true;
      }
    }
  }

  std::fflush(stdout);
  if (input_error) return kExitError;
  return remaining > 0 ? kExitFindings : kExitClean;
}

}  // namespace ccspm::cli
