#include "cli/scan/report.h"

#include <gtest/gtest.h>

#include "cli/scan/scan_test_util.h"
#include "manifest/test_files.h"

namespace ccspm::cli::scan {
namespace {

using testing::Scan;

ScanResult Workloads() {
  ScanResult result =
      Scan("deploy/workloads.yaml", manifest::testing::ReadFixture("fixtures/workloads.yaml"));
  ScanResult broken = Scan("deploy/broken <&>.yaml", "a: [\n");
  result.files.push_back(broken.files[0]);
  result.errors = broken.errors;
  return result;
}

TEST(ReportTest, TableHasOneRowPerFindingAndASummary) {
  const std::string table = TableReport(Workloads(), false);
  EXPECT_NE(table.find("deploy/workloads.yaml:13:9   critical  no-privileged/privileged"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("pss:privileged,cis:5.2.1"), std::string::npos);
  EXPECT_NE(table.find("INPUT ERRORS\ndeploy/broken <&>.yaml:2:1"), std::string::npos) << table;
  EXPECT_NE(table.find("4 findings (2 critical, 2 low) in 3 objects of 2 files; 1 input error"),
            std::string::npos)
      << table;
  EXPECT_EQ(table.find("\033["), std::string::npos) << "no colour unless asked";
  EXPECT_NE(TableReport(Workloads(), true).find("\033[1;31mcritical\033[0m"), std::string::npos);
}

TEST(ReportTest, JsonCarriesEveryFieldOfAFinding) {
  Result<JsonDocument> json = ParseJson(JsonReport(Workloads()));
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  const JsonValue& finding = (*json)["findings"][0];
  EXPECT_EQ(ToJson(finding),
            "{\"file\":\"deploy/workloads.yaml\",\"line\":13,\"column\":9,\"object\":{"
            "\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"namespace\":\"shop\",\"name\":\"privileged\","
            "\"line\":3},\"policy\":\"no-privileged\",\"check\":\"privileged\",\"severity\":"
            "\"critical\",\"mode\":\"Enforce\",\"fixable\":true,\"path\":"
            "\"spec.containers[0].securityContext.privileged\",\"pointer\":"
            "\"/spec/containers/0/securityContext/privileged\",\"message\":"
            "\"spec.containers[0].securityContext.privileged is true, must be false\","
            "\"standards\":{\"pss\":[\"privileged\"],\"cis\":[\"5.2.1\"],\"nist\":[],\"pci\":[],"
            "\"nsa\":[]}}");
  EXPECT_EQ(ToJson((*json)["errors"][0]),
            "{\"file\":\"deploy/broken <&>.yaml\",\"line\":2,\"column\":1,\"message\":"
            "\"end of sequence flow not found\"}");
  EXPECT_EQ(ToJson((*json)["summary"]),
            "{\"files\":2,\"objects\":3,\"findings\":4,\"errors\":1,\"skippedDocuments\":0,"
            "\"skippedLinks\":0}");
}

TEST(ReportTest, SarifHasRulesResultsAndLocations) {
  Result<JsonDocument> sarif = ParseJson(SarifReport(Workloads()));
  ASSERT_TRUE(sarif.ok()) << sarif.status().ToString();
  EXPECT_EQ(StringMember(*sarif, "version"), "2.1.0");
  const JsonValue& run = (*sarif)["runs"][0];

  const JsonValue& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.Size(), 2u);
  EXPECT_EQ(StringMember(rules[0], "id"), "no-privileged/privileged");
  EXPECT_EQ(ToJson(rules[0]["properties"]["tags"]),
            "[\"security\",\"kubernetes\",\"pss:privileged\",\"cis:5.2.1\"]");
  EXPECT_EQ(StringMember(rules[0]["properties"], "severity"), "critical");
  EXPECT_NE(StringMember(rules[1]["help"], "text").find("Default mode"), std::string::npos);

  const JsonValue& result = run["results"][0];
  EXPECT_EQ(StringMember(result, "ruleId"), "no-privileged/privileged");
  EXPECT_EQ(result["ruleIndex"].GetInt(), 0);
  EXPECT_EQ(StringMember(result, "level"), "error");
  EXPECT_EQ(StringMember(run["results"][1], "level"), "note");
  const JsonValue& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(StringMember(location["artifactLocation"], "uri"), "deploy/workloads.yaml");
  EXPECT_EQ(location["region"]["startLine"].GetInt(), 13);
  EXPECT_EQ(location["region"]["startColumn"].GetInt(), 9);

  const JsonValue& invocation = run["invocations"][0];
  EXPECT_FALSE(invocation["executionSuccessful"].GetBool());
  const JsonValue& notification = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(
      StringMember(notification["locations"][0]["physicalLocation"]["artifactLocation"], "uri"),
      "deploy/broken%20%3C%26%3E.yaml");
}

TEST(ReportTest, JunitHasACasePerObjectAndCheckAndEscapesXml) {
  const std::string xml = JunitReport(Workloads());
  EXPECT_NE(xml.find("<testsuites name=\"ccspm scan\" tests=\"7\" failures=\"4\" errors=\"1\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"deploy/broken &lt;&amp;&gt;.yaml\" tests=\"1\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"v1 Pod shop/clean: no-privileged/privileged\" "
                     "file=\"deploy/workloads.yaml\" line=\"15\"/>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<failure message=\"spec.containers[0].securityContext.privileged is true, "
                     "must be false\" type=\"critical\">deploy/workloads.yaml:13:9: "),
            std::string::npos)
      << xml;
}

TEST(ReportTest, ParsesFormats) {
  EXPECT_EQ(*ParseReportFormat("sarif"), ReportFormat::kSarif);
  EXPECT_FALSE(ParseReportFormat("xml").ok());
}

}  // namespace
}  // namespace ccspm::cli::scan
