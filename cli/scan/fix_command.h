// `ccspm fix PATH... | -`: writes manifests back with the golden settings applied.
// Exit codes: 0 everything fixable was fixed and nothing is left; 1 violations remain that no
// fix can mend (listed); 2 usage or input errors (files with input errors are left untouched).
#pragma once

namespace ccspm::cli {

// argv[0] is "fix". Returns the process exit code.
int RunFixCommand(int argc, char** argv);

}  // namespace ccspm::cli
