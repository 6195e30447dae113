// `ccspm eval EXPRESSION [-f FILE]`: evaluates a CEL expression in the Kubernetes environment,
// with `object` bound to the object in FILE (YAML or JSON; the first document of a YAML stream).
// Prints the value as JSON and returns 0, or prints the error with its line:column and returns 1
// (2 for a usage error).
#pragma once

namespace ccspm::cli {

// argv[0] is "eval".
int RunEval(int argc, char** argv);

}  // namespace ccspm::cli
