#include "manifest/manifest.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "manifest/test_files.h"

namespace ccspm::manifest {
namespace {

using testing::ReadFixture;

std::string Names(const Manifest& manifest) {
  std::string names;
  for (const ManifestDocument& document : manifest.documents()) {
    for (const ManifestObject& object : document.objects) {
      if (!names.empty()) names += ",";
      names += StringMember(*FindMember(*object.value, "metadata"), "name");
    }
  }
  return names;
}

std::string FirstError(const Manifest& manifest) {
  if (manifest.errors().empty()) return "";
  const ManifestError& error = manifest.errors()[0];
  return std::to_string(error.position.line) + ":" + std::to_string(error.position.column) + ": " +
         error.message;
}

TEST(ManifestTest, ReadsDocumentsEmptyDocumentsCrlfAndLists) {
  Manifest manifest = Manifest::Parse(
      "---\r\n---\r\n# only a comment\r\n---\r\n"
      "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\n"
      "---\r\n"
      "apiVersion: v1\r\nkind: List\r\nitems:\r\n"
      "- apiVersion: v1\r\n  kind: Service\r\n  metadata: {name: b}\r\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\r\n");
  EXPECT_TRUE(manifest.errors().empty()) << FirstError(manifest);
  EXPECT_EQ(Names(manifest), "a,b,c");

  const ManifestDocument& list = manifest.documents()[1];
  ASSERT_EQ(list.objects.size(), 2u);
  EXPECT_EQ(list.objects[0].pointer, "/items/0");
  EXPECT_EQ(list.objects[0].position.line, 13);
  EXPECT_EQ(list.objects[0].position.column, 3);
  EXPECT_EQ(manifest.Locate(list, list.objects[1], "/metadata/name").line, 16);
}

TEST(ManifestTest, LocatesTheFailingFieldOrItsNearestAncestor) {
  Manifest manifest = Manifest::Parse(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "metadata:\n"
      "  name: web\n"
      "spec:\n"
      "  containers:\n"
      "  - name: app\n"
      "    securityContext:\n"
      "      privileged: true\n");
  ASSERT_EQ(manifest.documents().size(), 1u);
  const ManifestDocument& document = manifest.documents()[0];
  const ManifestObject& pod = document.objects[0];

  Position privileged =
      manifest.Locate(document, pod, "/spec/containers/0/securityContext/privileged");
  EXPECT_EQ(privileged.line, 9);
  EXPECT_EQ(privileged.column, 7);

  Position absent = manifest.Locate(document, pod, "/spec/containers/0/securityContext/runAsUser");
  EXPECT_EQ(absent.line, 8) << "falls back to securityContext";
  Position missing_root = manifest.Locate(document, pod, "/status/phase");
  EXPECT_EQ(missing_root.line, 1) << "falls back to the object";
}

TEST(ManifestTest, ReadsPlainScalarsAsKubectlDoes) {
  Manifest manifest = Manifest::Parse(ReadFixture("bad/scalars.yaml"));
  ASSERT_TRUE(manifest.errors().empty()) << FirstError(manifest);
  const JsonValue& data = *FindMember(*manifest.documents()[0].objects[0].value, "data");

  EXPECT_EQ(ToJson(data),
            "{\"yes_word\":true,\"no_word\":false,\"on_word\":true,\"off_word\":false,"
            "\"y_letter\":true,\"quoted_yes\":\"yes\",\"octal\":493,\"octal_o\":493,\"hex\":31,"
            "\"binary\":5,\"eight\":8.0,\"underscore\":1000,\"float\":1.5,\"exponent\":1000.0,"
            "\"date\":\"2001-12-14\",\"version\":\"1.2.3\",\"tilde\":null,\"empty\":null,"
            "\"big\":18446744073709551615,\"text\":\"hello\",\"true\":\"key\"}");
}

TEST(ManifestTest, DuplicateKeysNameBothLines) {
  Manifest manifest = Manifest::Parse(ReadFixture("bad/duplicate-key.yaml"));
  EXPECT_EQ(FirstError(manifest), "6:3: duplicate key \"name\" (first at line 4 column 3)");
  EXPECT_EQ(Names(manifest), "");
}

TEST(ManifestTest, BoundsAliasExpansion) {
  const auto start = std::chrono::steady_clock::now();
  Manifest manifest = Manifest::Parse(ReadFixture("bad/alias-bomb.yaml"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(FirstError(manifest),
            "12:31: aliases expand to more than 1000000 nodes in one document");
}

TEST(ManifestTest, BoundsNesting) {
  Manifest flow = Manifest::Parse(ReadFixture("bad/deep-flow.yaml"));
  EXPECT_EQ(FirstError(flow), "6:132: nested deeper than 128 levels");

  Manifest block = Manifest::Parse(ReadFixture("bad/deep-block.yaml"));
  EXPECT_EQ(FirstError(block), "133:257: nested deeper than 128 levels");
}

TEST(ManifestTest, RefusesInvalidUtf8AndBinaryFiles) {
  EXPECT_EQ(FirstError(Manifest::Parse(ReadFixture("bad/invalid-utf8.yaml"))),
            "4:12: invalid UTF-8 (byte 0xe9) at line 4 column 12");
  EXPECT_EQ(FirstError(Manifest::Parse(ReadFixture("bad/binary.bin.yaml"))),
            "1:8: binary data (NUL byte) at line 1 column 8");
}

TEST(ManifestTest, RefusesNumbersJsonCannotHold) {
  EXPECT_EQ(FirstError(Manifest::Parse(ReadFixture("bad/not-json.yaml"))),
            "6:10: \".inf\" is not a number JSON can hold (kubectl refuses it too)");
}

TEST(ManifestTest, ABrokenDocumentDoesNotHideTheOthers) {
  Manifest manifest = Manifest::Parse(ReadFixture("bad/broken-middle.yaml"));
  EXPECT_EQ(Names(manifest), "first,third");
  ASSERT_EQ(manifest.errors().size(), 1u);
  EXPECT_EQ(manifest.errors()[0].position.line, 10);
  EXPECT_TRUE(manifest.ChunkFailed(1));
  EXPECT_FALSE(manifest.ChunkFailed(2));
}

TEST(ManifestTest, SkipsNonObjectsAndReportsObjectsWithoutKind) {
  Manifest manifest = Manifest::Parse(
      "replicaCount: 3\n---\n- a\n---\njust text\n---\napiVersion: v1\nmetadata: {name: x}\n");
  EXPECT_EQ(manifest.skipped(), 3u);
  EXPECT_EQ(FirstError(manifest), "7:1: object has no kind (a non-empty string)");
}

TEST(ManifestTest, MergeKeysFillWhatTheMapDoesNotSet) {
  Manifest manifest = Manifest::Parse(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\n"
      "x: &base {a: 1, b: 2}\ndata:\n  <<: *base\n  b: 3\n");
  ASSERT_TRUE(manifest.errors().empty()) << FirstError(manifest);
  const JsonValue& data = *FindMember(*manifest.documents()[0].objects[0].value, "data");
  EXPECT_EQ(ToJson(data), "{\"b\":3,\"a\":1}");
}

TEST(ManifestTest, RefusesFilesOverTheSizeLimit) {
  Limits limits;
  limits.max_file_bytes = 10;
  EXPECT_EQ(FirstError(Manifest::Parse("apiVersion: v1\n", limits)),
            "1:1: file is larger than 0 MiB");
}

TEST(ManifestTest, ReadsAFiveMegabyteDocumentInBoundedTime) {
  std::string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
  for (int i = 0; text.size() < (5u << 20); ++i) {
    text += "  key" + std::to_string(i) + ": \"" + std::string(100, 'x') + "\"\n";
  }
  const auto start = std::chrono::steady_clock::now();
  Manifest manifest = Manifest::Parse(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_TRUE(manifest.errors().empty()) << FirstError(manifest);
  EXPECT_EQ(Names(manifest), "big");
}

}  // namespace
}  // namespace ccspm::manifest
