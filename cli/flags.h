// Command-line flags of the long-running subcommands: "--name value" or "--name=value".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ccspm::cli {

using FlagSetter = std::function<Status(std::string_view flag, std::string_view value)>;

// Calls `set` for each flag with its value; `*help` is set for -h/--help (parsing stops).
// Errors name the flag: a missing value, a positional argument, or what `set` returned.
Status ParseFlags(const std::vector<std::string_view>& args, const FlagSetter& set, bool* help);

// Parses a whole decimal integer in [min, max]; the error names `flag`.
Status ParseIntFlag(std::string_view flag, std::string_view text, int min, int max, int* out);

// Parses "true" or "false"; the error names `flag`.
Status ParseBoolFlag(std::string_view flag, std::string_view text, bool* out);

}  // namespace ccspm::cli
