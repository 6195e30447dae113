// The ccspm command line: parses the subcommand and hands over to it.
#pragma once

namespace ccspm::cli {

// Runs ccspm with the process arguments; returns the process exit code.
int Run(int argc, char** argv);

}  // namespace ccspm::cli
