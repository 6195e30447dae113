#include "cli/scan/report.h"

#include <array>

namespace ccspm::cli::scan {
namespace {

std::string Plural(size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

Result<ReportFormat> ParseReportFormat(std::string_view text) {
  if (text == "table") return ReportFormat::kTable;
  if (text == "json") return ReportFormat::kJson;
  if (text == "sarif") return ReportFormat::kSarif;
  if (text == "junit") return ReportFormat::kJunit;
  return InvalidError("--output: \"" + std::string(text) +
                      "\" is not a format (table, json, sarif or junit)");
}

std::string Report(const ScanResult& result, ReportFormat format, bool color) {
  switch (format) {
    case ReportFormat::kTable:
      return TableReport(result, color);
    case ReportFormat::kJson:
      return JsonReport(result);
    case ReportFormat::kSarif:
      return SarifReport(result);
    case ReportFormat::kJunit:
      return JunitReport(result);
  }
  return {};
}

std::string Summary(const ScanResult& result) {
  std::array<size_t, 4> by_severity{};
  for (const Finding& finding : result.findings) {
    ++by_severity[static_cast<size_t>(finding.violation.severity)];
  }

  std::string text = Plural(result.findings.size(), "finding");
  std::string counts;
  for (int severity = 3; severity >= 0; --severity) {
    if (by_severity[severity] == 0) continue;
    if (!counts.empty()) counts += ", ";
    counts += std::to_string(by_severity[severity]) + " " +
              engine::SeverityName(static_cast<engine::Severity>(severity));
  }
  if (!counts.empty()) text += " (" + counts + ")";
  text += " in " + Plural(result.objects.size(), "object") + " of " +
          Plural(result.files.size(), "file");
  if (!result.errors.empty()) text += "; " + Plural(result.errors.size(), "input error");
  if (result.skipped_documents > 0) {
    text +=
        "; " + Plural(result.skipped_documents, "document") + " skipped (not Kubernetes objects)";
  }
  if (!result.skipped_links.empty()) {
    text += "; " + Plural(result.skipped_links.size(), "symbolic link") + " skipped (not followed)";
  }
  return text;
}

}  // namespace ccspm::cli::scan
