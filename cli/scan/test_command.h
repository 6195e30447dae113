// `ccspm test PATH...`: runs policy test suites (ccspm-test.yaml files, found recursively in
// folders). Prints one line per expectation and "N passed, N failed"; exit code 0 when every
// expectation holds, 1 when one does not, 2 for a suite that cannot be read or run (an unknown
// policy, check or resource, an unreadable resource file, an invalid policy).
#pragma once

namespace ccspm::cli {

// argv[0] is "test". Returns the process exit code.
int RunTestCommand(int argc, char** argv);

}  // namespace ccspm::cli
