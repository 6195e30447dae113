#include <map>
#include <vector>

#include "cli/scan/report.h"
#include "cli/scan/xml_text.h"

namespace ccspm::cli::scan {
namespace {

struct TestCase {
  std::string name;
  std::string line;
  std::vector<const Finding*> failures;
  const InputError* error = nullptr;
};

struct Suite {
  std::vector<TestCase> cases;
  size_t failures = 0;
  size_t errors = 0;
};

std::string Attribute(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + XmlText(value) + "\"";
}

std::string Where(const std::string& file, manifest::Position position) {
  if (!position.known()) return file;
  return file + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

// One suite per file, in scan order; one case per object and check of a matching policy.
std::map<std::string, Suite> BuildSuites(const ScanResult& result) {
  std::map<std::string, Suite> suites;
  for (const std::string& file : result.files) suites[file];

  std::map<std::pair<size_t, std::string>, std::vector<const Finding*>> broken;
  for (const Finding& finding : result.findings) {
    broken[{finding.object, finding.violation.policy + "/" + finding.violation.check}].push_back(
        &finding);
  }

  for (size_t i = 0; i < result.objects.size(); ++i) {
    const ScannedObject& object = result.objects[i];
    Suite& suite = suites[object.file];
    for (const engine::Policy* policy : object.policies) {
      for (const std::string& check : CheckIds(*policy)) {
        const std::string rule = policy->name + "/" + check;
        TestCase test{object.ref.Display() + ": " + rule, std::to_string(object.position.line)};
        if (auto it = broken.find({i, rule}); it != broken.end()) {
          test.failures = it->second;
          ++suite.failures;
        }
        suite.cases.push_back(std::move(test));
      }
    }
  }

  for (const InputError& error : result.errors) {
    Suite& suite = suites[error.file];
    suite.cases.push_back({"read " + Where(error.file, error.position),
                           std::to_string(error.position.line),
                           {},
                           &error});
    ++suite.errors;
  }
  return suites;
}

std::string Case(const std::string& file, const TestCase& test) {
  std::string xml = "    <testcase" + Attribute("classname", file) + Attribute("name", test.name) +
                    Attribute("file", file);
  if (test.line != "0") xml += Attribute("line", test.line);
  if (test.failures.empty() && test.error == nullptr) return xml + "/>\n";
  xml += ">\n";

  if (test.error != nullptr) {
    xml += "      <error" + Attribute("message", test.error->message) + Attribute("type", "input") +
           ">" + XmlText(Where(file, test.error->position) + ": " + test.error->message) +
           "</error>\n";
  }
  if (!test.failures.empty()) {
    const engine::Violation& first = test.failures[0]->violation;
    std::string details;
    for (const Finding* finding : test.failures) {
      details += Where(file, finding->position) + ": " + finding->violation.message + "\n";
    }
    xml += "      <failure" + Attribute("message", first.message) +
           Attribute("type", engine::SeverityName(first.severity)) + ">" + XmlText(details) +
           "</failure>\n";
  }
  return xml + "    </testcase>\n";
}

}  // namespace

std::string JunitReport(const ScanResult& result) {
  const std::map<std::string, Suite> suites = BuildSuites(result);
  size_t tests = 0, failures = 0, errors = 0;
  for (const auto& [file, suite] : suites) {
    tests += suite.cases.size();
    failures += suite.failures;
    errors += suite.errors;
  }

  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" +
                    Attribute("name", "ccspm scan") + Attribute("tests", std::to_string(tests)) +
                    Attribute("failures", std::to_string(failures)) +
                    Attribute("errors", std::to_string(errors)) + ">\n";
  for (const auto& [file, suite] : suites) {
    xml += "  <testsuite" + Attribute("name", file) +
           Attribute("tests", std::to_string(suite.cases.size())) +
           Attribute("failures", std::to_string(suite.failures)) +
           Attribute("errors", std::to_string(suite.errors)) + Attribute("skipped", "0") + ">\n";
    for (const TestCase& test : suite.cases) xml += Case(file, test);
    xml += "  </testsuite>\n";
  }
  return xml + "</testsuites>\n";
}

}  // namespace ccspm::cli::scan
