#include "webhook/warning_limits.h"

namespace ccspm::webhook {
namespace {

constexpr std::string_view kEllipsis = "...";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string Shorten(std::string text) {
  if (text.size() <= kMaxWarningBytes) return text;

  // Cut before a continuation byte would split a character, so the result stays UTF-8.
  size_t cut = kMaxWarningBytes - kEllipsis.size();
  while (cut > 0 && IsContinuationByte(text[cut])) --cut;
  text.resize(cut);
  text += kEllipsis;
  return text;
}

std::string OmittedNote(size_t count) {
  return std::to_string(count) + (count == 1 ? " more warning omitted" : " more warnings omitted");
}

}  // namespace

std::vector<std::string> LimitWarnings(std::vector<std::string> warnings) {
  // Room is kept for the note, which is far shorter than one warning.
  constexpr size_t kNoteRoom = 64;

  std::vector<std::string> kept;
  size_t total = 0;
  for (size_t i = 0; i < warnings.size(); ++i) {
    std::string warning = Shorten(std::move(warnings[i]));
    bool last = i + 1 == warnings.size();
    size_t budget = kMaxTotalWarningBytes - (last ? 0 : kNoteRoom);
    if (total + warning.size() > budget) {
      kept.push_back(OmittedNote(warnings.size() - i));
      break;
    }
    total += warning.size();
    kept.push_back(std::move(warning));
  }
  return kept;
}

}  // namespace ccspm::webhook
