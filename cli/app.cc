#include "cli/app.h"

#include <cstdio>
#include <string_view>

namespace ccspm::cli {

int Run(int argc, char** argv) {
  std::string_view command = argc > 1 ? argv[1] : "";
  if (command == "version") {
    std::printf("ccspm %s\n", CCSPM_VERSION);
    return 0;
  }
  std::fprintf(stderr, "usage: ccspm <webhook|controller|version> [flags]\n");
  return 2;
}

}  // namespace ccspm::cli
