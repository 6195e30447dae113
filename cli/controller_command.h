// `ccspm controller [flags]`: runs the drift loop.
#pragma once

#include <string_view>
#include <vector>

#include "base/log.h"
#include "base/status.h"
#include "controller/options.h"

namespace ccspm::cli {

struct ControllerFlags {
  controller::ControllerOptions options;
  log::Level log_level = log::Level::kInfo;
  bool help = false;
};

// Parses the flags after "controller"; errors name the flag.
Result<ControllerFlags> ParseControllerFlags(const std::vector<std::string_view>& args);

// The usage text --help prints; it lists every flag ParseControllerFlags takes.
std::string_view ControllerUsage();

// argv[0] is "controller". Returns the exit code: 0 after a signal, 1 when startup fails,
// 2 on a usage error.
int RunControllerCommand(int argc, char** argv);

}  // namespace ccspm::cli
