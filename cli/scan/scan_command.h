// `ccspm scan PATH... | -`: judges manifests against policies and reports the findings.
// See docs/cli.md for flags, formats and exit codes (cli/scan/exit_code.h).
#pragma once

namespace ccspm::cli {

// argv[0] is "scan". Returns the process exit code.
int RunScanCommand(int argc, char** argv);

}  // namespace ccspm::cli
