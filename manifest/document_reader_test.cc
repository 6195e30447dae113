#include "manifest/document_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "manifest/manifest.h"
#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

// The JSON of every document of `text`, read as one chunk, or "line:column: error".
std::string Read(std::string_view text, const Limits& limits = {}) {
  ReadOutcome outcome = ReadDocuments(text, Chunk{0, text.size(), 1}, limits);
  std::string out;
  for (const auto& document : outcome.documents) {
    if (!out.empty()) out += " ";
    out += ToJson(document->json);
  }
  if (!outcome.ok) {
    out += (out.empty() ? "" : " ") + std::to_string(outcome.error_at.line) + ":" +
           std::to_string(CharacterColumn(text, outcome.error_at.offset)) + ": " + outcome.error;
  }
  return out;
}

std::string At(const Manifest& manifest, std::string_view pointer) {
  const ManifestDocument& document = manifest.documents().at(0);
  const Position at = manifest.Locate(document, document.objects.at(0), pointer);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

constexpr std::string_view kHead = "apiVersion: v1\nkind: ConfigMap\n";

TEST(DocumentReaderTest, ColumnsCountCharactersWhateverTheLineBreaks) {
  const std::string data = "data:\n  é: x\n  ünï: {a: 1, ö: ü, b: 2}\n";
  Manifest utf8 = Manifest::Parse(std::string(kHead) + data);
  EXPECT_EQ(At(utf8, "/data/ünï/b"), "5:21");

  Manifest crlf = Manifest::Parse(
      "\xEF\xBB\xBF"
      "apiVersion: v1\r\nkind: ConfigMap\r\n"
      "data:\r\n  é: x\r\n  ünï: {a: 1, ö: ü, b: 2}\r\n");
  EXPECT_EQ(At(crlf, "/data/ünï/b"), "5:21");

  // libyaml takes a lone "\r" and U+2028 for line breaks; positions count only "\n".
  Manifest other = Manifest::Parse("apiVersion: v1\rkind: ConfigMap\ndata:\r  é: x\n  b: 2\n");
  EXPECT_EQ(At(other, "/data/é"), "2:9");
  EXPECT_EQ(At(other, "/data/b"), "3:3");
}

TEST(DocumentReaderTest, SyntaxErrorsSayWhatAndWhere) {
  EXPECT_EQ(Read("a: [1, 2\nb: 3\n"),
            "2:2: did not find expected ',' or ']' (while parsing a flow sequence that started "
            "at line 1 column 4)");
  EXPECT_EQ(Read("a: [\n"), "2:1: end of sequence flow not found");
  EXPECT_EQ(Read("é: {a: 1\n# the end\n"), "3:1: end of map flow not found");
  EXPECT_EQ(Read("a: b: c\n"), "1:5: mapping values are not allowed in this context");
  EXPECT_EQ(Read("a: 1\nb: x\x7fy\n"), "2:5: control characters are not allowed (U+007F)");
}

TEST(DocumentReaderTest, TagsDecideTyping) {
  EXPECT_EQ(Read("a: !!str 0755\nb: !!int \"42\"\nc: !custom yes\nd: 'yes'\ne: !!bool yes\n"
                 "f: |\n  0x1F\ng: !!float 1\n"),
            "{\"a\":\"0755\",\"b\":42,\"c\":\"yes\",\"d\":\"yes\",\"e\":true,\"f\":\"0x1F\\n\","
            "\"g\":1}");
  EXPECT_EQ(Read("yes: 1\n0x10: 2\n'no': 3\n!!str on: 4\n"),
            "{\"true\":1,\"16\":2,\"no\":3,\"on\":4}");
  EXPECT_EQ(Read("~: 1\n"), "1:1: a mapping key is null");
}

TEST(DocumentReaderTest, AnchorsAliasesAndMergeKeys) {
  EXPECT_EQ(Read("k: &k name\nv: &v [1, {x: z}]\n*k : *v\n"),
            "{\"k\":\"name\",\"v\":[1,{\"x\":\"z\"}],\"name\":[1,{\"x\":\"z\"}]}");
  EXPECT_EQ(Read("a: &a {x: 1, w: 2}\nb: &b {w: 3, z: 4}\nc: {<<: [*a, *b], x: 0}\n"),
            "{\"a\":{\"x\":1,\"w\":2},\"b\":{\"w\":3,\"z\":4},\"c\":{\"x\":0,\"w\":2,\"z\":4}}");
  EXPECT_EQ(Read("a: *nowhere\n"),
            "1:4: alias *nowhere to an anchor that is not defined before it or not complete");
  EXPECT_EQ(Read("a: &a [1, *a]\n"),
            "1:11: alias *a to an anchor that is not defined before it or not complete");
  EXPECT_EQ(Read("a: &a [1]\nb: {<<: *a}\n"),
            "2:5: a merge key (<<) needs a map or a list of maps");
  EXPECT_EQ(Read("? [a]\n: 1\n"),
            "1:3: a mapping key is a map or a list; only text keys are supported");
}

TEST(DocumentReaderTest, DuplicateKeysInLargeMapsAndThroughMerges) {
  std::string large;
  for (int i = 0; i < 40; ++i) large += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  EXPECT_EQ(Read(large + "k17: again\n"),
            "41:1: duplicate key \"k17\" (first at line 18 column 1)");

  // Merged members never clash with the map's own, in small maps and large ones.
  EXPECT_EQ(Read("m: &m {k3: x, extra: z}\nv:\n  <<: *m\n  k3: own\n"),
            "{\"m\":{\"k3\":\"x\",\"extra\":\"z\"},\"v\":{\"k3\":\"own\",\"extra\":\"z\"}}");
  std::string indented;
  for (int i = 0; i < 40; ++i) indented += "  k" + std::to_string(i) + ": 0\n";
  const std::string merged = Read("m: &m {k3: x, extra: z}\nv:\n  <<: *m\n" + indented);
  EXPECT_NE(merged.find("\"k3\":0,"), std::string::npos) << merged;
  EXPECT_NE(merged.find("\"k39\":0,\"extra\":\"z\"}}"), std::string::npos) << merged;
}

TEST(DocumentReaderTest, DocumentsOfOneChunkAndLimits) {
  EXPECT_EQ(Read("a: 1\n---\n---\nnull\n---\n[b]\n...\n"), "{\"a\":1} [\"b\"]");
  EXPECT_EQ(Read("# nothing\n"), "");

  Limits limits;
  limits.max_depth = 3;
  // Three levels of maps and lists, and the scalars in them.
  EXPECT_EQ(Read("a: {b: c}\n", limits), "{\"a\":{\"b\":\"c\"}}");
  EXPECT_EQ(Read("a: {b: [c]}\n", limits), "1:9: nested deeper than 3 levels");
  EXPECT_EQ(Read("a:\n  b:\n    c: d\n", limits), "3:8: nested deeper than 3 levels");
}

}  // namespace
}  // namespace ccspm::manifest
