// The arguments of the manifest commands (scan, fix, test): flags with values, switches, and
// positional paths. "--name value", "--name=value" and "-o value" are accepted; "-" is a path
// (standard input); "--" ends the flags.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ccspm::cli::scan {

struct CommandLine {
  std::map<std::string, std::vector<std::string>> values;  // By long name, in order given.
  std::set<std::string> switches;
  std::vector<std::string> paths;
  bool help = false;

  // The last value of `flag`, or `fallback`.
  std::string Value(const std::string& flag, const std::string& fallback) const;
};

struct FlagSpec {
  std::set<std::string> with_value;         // Long names, without "--".
  std::set<std::string> switches;           // Long names, without "--".
  std::map<char, std::string> short_names;  // 'o' -> "output".
};

// Errors name the argument: an unknown flag, a missing value, a value given to a switch.
Result<CommandLine> ParseCommandLine(const std::vector<std::string_view>& args,
                                     const FlagSpec& spec);

}  // namespace ccspm::cli::scan
