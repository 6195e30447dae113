#include "manifest/document_split.h"

#include <cstring>

#include "manifest/byte_scan.h"

namespace ccspm::manifest {
namespace {

bool IsMarker(std::string_view line, std::string_view marker) {
  if (!line.starts_with(marker)) return false;
  if (line.size() == marker.size()) return true;
  const char next = line[marker.size()];
  return next == ' ' || next == '\t' || next == '\r' || next == '\n';
}

// True when the line holds nothing a document is made of.
bool IsLeadingMaterial(std::string_view line) {
  size_t first = 0;
  while (first < line.size() && (line[first] == ' ' || line[first] == '\t' || line[first] == '\r' ||
                                 line[first] == '\n')) {
    ++first;
  }
  if (first == line.size()) return true;
  return line[first] == '#' || (first == 0 && line[0] == '%');
}

}  // namespace

std::vector<Chunk> SplitDocuments(std::string_view text, size_t start) {
  std::vector<Chunk> chunks;
  Chunk current{start, 0, 1, true};
  bool only_leading = true;  // The current chunk so far has no marker and no content.

  const auto cut = [&](size_t at, int line) {
    current.size = at - current.offset;
    if (current.size > 0 && !only_leading) chunks.push_back(current);
    // Leading material stays in the current chunk, which the next one then continues.
    if (!only_leading || current.size == 0) current = Chunk{at, 0, line, true};
    only_leading = true;
  };

  int line = 1;
  for (size_t at = start; at < text.size();) {
    const void* newline = std::memchr(text.data() + at, '\n', text.size() - at);
    const size_t end =
        newline == nullptr ? text.size() : static_cast<const char*>(newline) - text.data() + 1;
    const std::string_view content = text.substr(at, end - at);
    const bool printable = PrintableAsciiPrefix(text.data() + at, text.data() + end) == end - at;

    // Only lines starting with "-" or "." can be markers; most lines are plain content.
    if (content[0] == '-' && IsMarker(content, "---")) {
      cut(at, line);
      only_leading = false;
      current.printable_ascii &= printable;
    } else if (content[0] == '.' && IsMarker(content, "...")) {
      only_leading = false;
      current.printable_ascii &= printable;
      cut(end, line + 1);
    } else {
      current.printable_ascii &= printable;
      if (only_leading && !IsLeadingMaterial(content)) only_leading = false;
    }
    at = end;
    ++line;
    if (!only_leading && at < text.size() && text[at] != '-' && text[at] != '.') {
      // Inside a document only the lines starting with "-" or "." matter: jump to the next.
      at += FindLineStartingWith(text.data() + at, text.data() + text.size(), '-', '.', &line,
                                 &current.printable_ascii);
    }
  }

  current.size = text.size() - current.offset;
  if (current.size > 0) chunks.push_back(current);
  return chunks;
}

}  // namespace ccspm::manifest
