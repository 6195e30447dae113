#include "cli/scan/scanner.h"

#include <gtest/gtest.h>

#include "cli/scan/exit_code.h"
#include "cli/scan/scan_test_util.h"
#include "manifest/test_files.h"

namespace ccspm::cli::scan {
namespace {

using testing::Scan;

TEST(ScannerTest, FindsViolationsAtTheFailingLine) {
  ScanResult result =
      Scan("workloads.yaml", manifest::testing::ReadFixture("fixtures/workloads.yaml"));
  ASSERT_EQ(result.objects.size(), 3u);
  ASSERT_EQ(result.findings.size(), 4u);

  const Finding& privileged = result.findings[0];
  EXPECT_EQ(privileged.violation.policy, "no-privileged");
  EXPECT_EQ(privileged.position.line, 13);
  EXPECT_EQ(privileged.position.column, 9);
  EXPECT_EQ(result.objects[privileged.object].ref.Display(), "v1 Pod shop/privileged");
  ASSERT_NE(privileged.violation.standards, nullptr);
  EXPECT_EQ(StandardTags(privileged.violation.standards),
            (std::vector<std::string>{"pss:privileged", "cis:5.2.1"}));

  // Default-mode findings count: they are what `ccspm fix` fills.
  const Finding& token = result.findings[1];
  EXPECT_EQ(token.violation.check, "no-token-automount");
  EXPECT_EQ(token.position.line, 8) << "absent: the nearest ancestor, spec";

  const Finding& deployment = result.findings[2];
  EXPECT_EQ(deployment.violation.path,
            "spec.template.spec.containers[0].securityContext.privileged");
  EXPECT_EQ(deployment.position.line, 40) << "securityContext of the template's container";
}

TEST(ScannerTest, ExitCodesFollowTheThresholdAndInputErrorsWin) {
  ScanResult result =
      Scan("workloads.yaml", manifest::testing::ReadFixture("fixtures/workloads.yaml"));
  EXPECT_EQ(ScanExitCode(result, engine::Severity::kLow), kExitFindings);
  EXPECT_EQ(ScanExitCode(result, engine::Severity::kCritical), kExitFindings);
  EXPECT_EQ(ScanExitCode(result, std::nullopt), kExitClean);

  ScanResult clean = Scan("clean.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
  EXPECT_EQ(ScanExitCode(clean, engine::Severity::kLow), kExitClean);

  ScanResult broken = Scan("broken.yaml", "a: [\n");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(ScanExitCode(broken, std::nullopt), kExitError);
}

TEST(ScannerTest, ParsesFailOn) {
  EXPECT_EQ(*ParseFailOn("high"), engine::Severity::kHigh);
  EXPECT_EQ(*ParseFailOn("none"), std::nullopt);
  EXPECT_FALSE(ParseFailOn("severe").ok());
}

}  // namespace
}  // namespace ccspm::cli::scan
