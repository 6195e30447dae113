#include "cli/scan/xml_text.h"

#include "manifest/text_check.h"

namespace ccspm::cli::scan {

std::string XmlText(std::string_view text) {
  const std::string valid = manifest::ValidUtf8(text);
  std::string xml;
  xml.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    switch (c) {
      case '&':
        xml += "&amp;";
        continue;
      case '<':
        xml += "&lt;";
        continue;
      case '>':
        xml += "&gt;";
        continue;
      case '"':
        xml += "&quot;";
        continue;
      case '\'':
        xml += "&apos;";
        continue;
      default:
        break;
    }
    const auto byte = static_cast<unsigned char>(c);
    const bool control = byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
    const bool non_character = byte == 0xEF && i + 2 < valid.size() &&
                               static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
                               (static_cast<unsigned char>(valid[i + 2]) & 0xFE) == 0xBE;
    if (control || non_character) {
      xml += "\xEF\xBF\xBD";
      if (non_character) i += 2;
      continue;
    }
    xml += c;
  }
  return xml;
}

}  // namespace ccspm::cli::scan
