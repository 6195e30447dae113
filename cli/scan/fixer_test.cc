#include "cli/scan/fixer.h"

#include <gtest/gtest.h>

#include "cli/scan/scan_test_util.h"

namespace ccspm::cli::scan {
namespace {

TEST(FixerTest, RewritesOnlyChangedDocumentsAndKeepsTheirLeadingComments) {
  const std::string untouched =
      "# keep me exactly\napiVersion: v1\nkind: ConfigMap   # odd spacing\nmetadata: {name: c}\n";
  const std::string text = untouched +
                           "---\n# the pod\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                           "spec:\n  automountServiceAccountToken: false\n"
                           "  containers:\n  - name: a\n    securityContext: {privileged: yes}\n";
  FixOutcome outcome = FixManifest(manifest::Manifest::Parse(text), *testing::Policies());

  EXPECT_EQ(outcome.changed_documents, 1u);
  EXPECT_EQ(outcome.text,
            untouched +
                "---\n# the pod\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
                "  automountServiceAccountToken: false\n  containers:\n    - name: a\n"
                "      securityContext:\n        privileged: false\n");
  ASSERT_EQ(outcome.changes.size(), 1u);
  EXPECT_EQ(
      outcome.changes[0],
      "v1 Pod p: no-privileged: replace /spec/containers/0/securityContext/privileged: false");
  EXPECT_TRUE(outcome.remaining.empty());
}

TEST(FixerTest, FillsDefaultsInListItemsAndKeepsJsonAsJson) {
  const std::string text =
      R"({"apiVersion":"v1","kind":"List","items":[)"
      R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[]}}]})";
  FixOutcome outcome = FixManifest(manifest::Manifest::Parse(text), *testing::Policies());
  EXPECT_EQ(outcome.changed_documents, 1u);
  EXPECT_NE(outcome.text.find("\"automountServiceAccountToken\": false"), std::string::npos)
      << outcome.text;
  EXPECT_TRUE(outcome.text.starts_with("{\n")) << outcome.text;
}

TEST(FixerTest, ReportsWhatNoFixCanMend) {
  const std::string text =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
      "  automountServiceAccountToken: false\n  containers:\n  - name: a\n    securityContext: 5\n";
  FixOutcome outcome = FixManifest(manifest::Manifest::Parse(text), *testing::Policies());
  EXPECT_EQ(outcome.changed_documents, 0u);
  EXPECT_EQ(outcome.text, text);
  ASSERT_EQ(outcome.remaining.size(), 1u);
  EXPECT_TRUE(outcome.remaining[0].starts_with("8:5: no-privileged/privileged: "))
      << outcome.remaining[0];
}

}  // namespace
}  // namespace ccspm::cli::scan
