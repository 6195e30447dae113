// Text for XML 1.0 attributes and content.
#pragma once

#include <string>
#include <string_view>

namespace ccspm::cli::scan {

// Escapes & < > " ' and replaces what XML 1.0 cannot hold at all (control characters other than
// tab, line feed and carriage return, and bytes that are not UTF-8) with U+FFFD.
std::string XmlText(std::string_view text);

}  // namespace ccspm::cli::scan
