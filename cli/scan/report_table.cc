#include <algorithm>
#include <string>
#include <vector>

#include "cli/scan/report.h"
#include "manifest/text_check.h"

namespace ccspm::cli::scan {
namespace {

constexpr const char* kReset = "\033[0m";

const char* SeverityColor(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::kCritical:
      return "\033[1;31m";
    case engine::Severity::kHigh:
      return "\033[31m";
    case engine::Severity::kMedium:
      return "\033[33m";
    case engine::Severity::kLow:
      return "\033[36m";
  }
  return "";
}

std::string Location(const std::string& file, manifest::Position position) {
  if (!position.known()) return file;
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

std::string Join(const std::vector<std::string>& items) {
  if (items.empty()) return "-";
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

// Column widths count characters; control characters from file names or values are shown as
// U+FFFD so nothing typed into a manifest can move the terminal's cursor.
std::string Cell(std::string_view text) {
  std::string cell = manifest::ValidUtf8(text);
  for (char& c : cell) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return cell;
}

size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string TableReport(const ScanResult& result, bool color) {
  using Row = std::vector<std::string>;
  std::vector<Row> rows = {
      {"LOCATION", "SEVERITY", "POLICY/CHECK", "OBJECT", "STANDARDS", "MESSAGE"}};
  std::vector<const Finding*> row_findings = {nullptr};
  for (const Finding& finding : result.findings) {
    const ScannedObject& object = result.objects[finding.object];
    const engine::Violation& violation = finding.violation;
    rows.push_back({Cell(Location(object.file, finding.position)),
                    engine::SeverityName(violation.severity),
                    Cell(violation.policy + "/" + violation.check), Cell(object.ref.Display()),
                    Cell(Join(StandardTags(violation.standards))), Cell(violation.message)});
    row_findings.push_back(&finding);
  }

  std::string out;
  if (rows.size() > 1) {
    std::vector<size_t> widths(rows[0].size() - 1, 0);
    for (const Row& row : rows) {
      for (size_t i = 0; i < widths.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t i = 0; i < widths.size(); ++i) {
        const std::string padding(widths[i] - Width(rows[r][i]) + 2, ' ');
        const bool paint = color && i == 1 && row_findings[r] != nullptr;
        if (paint) out += SeverityColor(row_findings[r]->violation.severity);
        out += rows[r][i];
        if (paint) out += kReset;
        out += padding;
      }
      out += rows[r].back() + "\n";
    }
    out += "\n";
  }

  if (!result.errors.empty()) {
    out += color ? std::string("\033[31mINPUT ERRORS\033[0m\n") : "INPUT ERRORS\n";
    for (const InputError& error : result.errors) {
      out += Cell(Location(error.file, error.position)) + "  " + Cell(error.message) + "\n";
    }
    out += "\n";
  }
  for (const std::string& link : result.skipped_links) {
    out += "skipped symbolic link (not followed): " + Cell(link) + "\n";
  }
  return out + Summary(result) + "\n";
}

}  // namespace ccspm::cli::scan
