#include "cli/scan/command_line.h"

namespace ccspm::cli::scan {

std::string CommandLine::Value(const std::string& flag, const std::string& fallback) const {
  auto it = values.find(flag);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

Result<CommandLine> ParseCommandLine(const std::vector<std::string_view>& args,
                                     const FlagSpec& spec) {
  CommandLine line;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (flags_done || arg == "-" || !arg.starts_with("-")) {
      line.paths.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      line.help = true;
      continue;
    }

    std::string name;
    std::optional<std::string> value;
    if (arg.starts_with("--")) {
      const size_t equals = arg.find('=');
      name = std::string(arg.substr(2, equals == std::string_view::npos ? arg.npos : equals - 2));
      if (equals != std::string_view::npos) value = std::string(arg.substr(equals + 1));
    } else if (arg.size() == 2 && spec.short_names.contains(arg[1])) {
      name = spec.short_names.at(arg[1]);
    } else {
      return InvalidError("unknown flag " + std::string(arg));
    }

    if (spec.switches.contains(name)) {
      if (value.has_value()) return InvalidError("--" + name + " takes no value");
      line.switches.insert(name);
      continue;
    }
    if (!spec.with_value.contains(name)) return InvalidError("unknown flag " + std::string(arg));
    if (!value.has_value()) {
      if (i + 1 >= args.size()) return InvalidError(std::string(arg) + ": needs a value");
      value = std::string(args[++i]);
    }
    line.values[name].push_back(std::move(*value));
  }
  return line;
}

}  // namespace ccspm::cli::scan
