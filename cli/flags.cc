#include "cli/flags.h"

#include <charconv>

namespace ccspm::cli {

Status ParseFlags(const std::vector<std::string_view>& args, const FlagSetter& set, bool* help) {
  *help = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") {
      *help = true;
      return Status::Ok();
    }
    if (flag.substr(0, 2) != "--") return InvalidError("unexpected argument " + std::string(flag));

    std::string_view value;
    if (size_t equals = flag.find('='); equals != std::string_view::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return InvalidError(std::string(flag) + ": needs a value");
    }
    CCSPM_RETURN_IF_ERROR(set(flag, value));
  }
  return Status::Ok();
}

Status ParseIntFlag(std::string_view flag, std::string_view text, int min, int max, int* out) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return InvalidError(std::string(flag) + ": \"" + std::string(text) +
                        "\" is not a whole number from " + std::to_string(min) + " to " +
                        std::to_string(max));
  }
  *out = value;
  return Status::Ok();
}

Status ParseBoolFlag(std::string_view flag, std::string_view text, bool* out) {
  if (text != "true" && text != "false") {
    return InvalidError(std::string(flag) + ": \"" + std::string(text) + "\" is not true or false");
  }
  *out = text == "true";
  return Status::Ok();
}

}  // namespace ccspm::cli
