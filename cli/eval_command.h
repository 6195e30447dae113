// `ccspm eval EXPRESSION [-f FILE]`: evaluates a CEL expression in the Kubernetes environment,
// with `object` bound to the object in FILE (YAML or JSON; the first document of a YAML stream;
// "-" is standard input). Prints the value as JSON and returns 0, or prints the error (naming
// the file, with its line:column where there is one) and returns 1. A usage error returns 2;
// --help prints the usage and returns 0.
#pragma once

namespace ccspm::cli {

// argv[0] is "eval".
int RunEval(int argc, char** argv);

}  // namespace ccspm::cli
