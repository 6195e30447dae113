#include "manifest/document_split.h"

#include <gtest/gtest.h>

#include <string>

namespace ccspm::manifest {
namespace {

std::vector<std::string> Pieces(std::string_view text) {
  std::vector<std::string> pieces;
  for (const Chunk& chunk : SplitDocuments(text)) {
    pieces.emplace_back(text.substr(chunk.offset, chunk.size));
  }
  return pieces;
}

TEST(DocumentSplitTest, CutsBeforeMarkersAndKeepsEveryByte) {
  const std::string text = "a: 1\n---\nb: 2\r\n--- # c\r\nc: 3\n...\nd: 4\n";
  const std::vector<std::string> pieces = Pieces(text);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0], "a: 1\n");
  EXPECT_EQ(pieces[1], "---\nb: 2\r\n");
  EXPECT_EQ(pieces[2], "--- # c\r\nc: 3\n...\n");
  EXPECT_EQ(pieces[3], "d: 4\n");

  const std::vector<Chunk> chunks = SplitDocuments(text);
  EXPECT_EQ(chunks[1].first_line, 2);
  EXPECT_EQ(chunks[2].first_line, 4);
}

TEST(DocumentSplitTest, LeadingCommentsAndDirectivesJoinTheNextDocument) {
  const std::vector<std::string> pieces = Pieces("# header\n%YAML 1.2\n---\na: 1\n");
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], "# header\n%YAML 1.2\n---\na: 1\n");
}

TEST(DocumentSplitTest, MarkersNeedTheirOwnWord) {
  const std::vector<std::string> pieces = Pieces("a: |\n  ---\n----\nb: ---x\n");
  EXPECT_EQ(pieces.size(), 1u);
}

TEST(DocumentSplitTest, MarksChunksOfPrintableAsciiOnly) {
  const std::string long_line(40, 'x');
  const std::string text = "# lead\t\n---\na: 1\n---\nb: " + long_line + "\n" + long_line +
                           "\n---\nc: caf\xC3\xA9\n" + long_line + "\n...\n";
  const std::vector<Chunk> chunks = SplitDocuments(text);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_FALSE(chunks[0].printable_ascii) << "the tab in its leading comment";
  EXPECT_TRUE(chunks[1].printable_ascii);
  EXPECT_FALSE(chunks[2].printable_ascii) << "the e with an accent";
  EXPECT_FALSE(Chunk().printable_ascii) << "not known unless split";
}

}  // namespace
}  // namespace ccspm::manifest
