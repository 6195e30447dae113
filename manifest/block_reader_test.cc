// Differential tests of the block reader: every chunk it reads must read the same through
// libyaml (JSON, places of every node, document starts, errors). Files of the shared corpus
// and of the repository's tests, then random edits of them.
#include "manifest/block_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "manifest/document_reader.h"
#include "manifest/document_split.h"
#include "manifest/text_check.h"

namespace ccspm::manifest {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream data;
  data << file.rdbuf();
  return data.str();
}

std::vector<fs::path> TestFiles() {
  std::vector<fs::path> files;
  const std::vector<std::string> roots = {CCSPM_SHARED_DIR "/corpus", CCSPM_SOURCE_DIR "/test",
                                          CCSPM_SOURCE_DIR "/policies"};
  for (const std::string& root : roots) {
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = entry.path().string();
      const bool yaml = name.ends_with(".yaml") || name.ends_with(".yml") ||
                        name.ends_with(".json");
      if (yaml || name.find("/test/scan/") != std::string::npos) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Whether node `a` of `map_a` and node `b` of `map_b`, the places of `value`, agree all the way
// down; the first difference goes to `why`.
bool SamePlaces(const JsonValue& value, const SourceMap& map_a, uint32_t a, const SourceMap& map_b,
                uint32_t b, const std::string& pointer, std::string* why) {
  if ((a == SourceMap::kNone) != (b == SourceMap::kNone)) {
    *why = "node missing at " + pointer;
    return false;
  }
  if (a == SourceMap::kNone) return true;
  if (map_a.At(a).offset != map_b.At(b).offset || map_a.At(a).line != map_b.At(b).line) {
    *why = "place differs at " + pointer + ": " + std::to_string(map_a.At(a).offset) + " vs " +
           std::to_string(map_b.At(b).offset);
    return false;
  }
  if (value.IsObject()) {
    size_t i = 0;
    for (auto member = value.MemberBegin(); member != value.MemberEnd(); ++member, ++i) {
      if (!SamePlaces(member->value, map_a, map_a.Child(a, i), map_b, map_b.Child(b, i),
                      pointer + "/" + std::string(AsStringView(member->name)), why)) {
        return false;
      }
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (!SamePlaces(value[i], map_a, map_a.Child(a, i), map_b, map_b.Child(b, i),
                      pointer + "/" + std::to_string(i), why)) {
        return false;
      }
    }
  }
  return true;
}

// Empty when both outcomes agree; otherwise what differs.
std::string Difference(const ReadOutcome& fast, const ReadOutcome& slow) {
  if (fast.ok != slow.ok) return "ok differs: " + slow.error;
  if (fast.error != slow.error) return "error differs: " + fast.error + " vs " + slow.error;
  if (fast.error_at.offset != slow.error_at.offset || fast.error_at.line != slow.error_at.line) {
    return "error place differs";
  }
  if (fast.documents.size() != slow.documents.size()) return "document count differs";
  for (size_t i = 0; i < fast.documents.size(); ++i) {
    const ParsedDocument& a = *fast.documents[i];
    const ParsedDocument& b = *slow.documents[i];
    if (ToJson(a.json) != ToJson(b.json)) {
      return "JSON differs:\n" + ToJson(a.json) + "\n" + ToJson(b.json);
    }
    if (a.start.offset != b.start.offset || a.start.line != b.start.line) {
      return "document start differs: " + std::to_string(a.start.offset) + " vs " +
             std::to_string(b.start.offset);
    }
    if (a.source_map.empty() != b.source_map.empty()) return "source map emptiness differs";
    std::string why;
    if (!a.source_map.empty() && !SamePlaces(a.json, a.source_map, 0, b.source_map, 0, "", &why)) {
      return why;
    }
  }
  return "";
}

struct Tally {
  size_t fast = 0;
  size_t fallback = 0;
};

// Compares both readers on every chunk of `text`; adds a failure naming `name` on a difference.
void CompareReaders(const std::string& name, const std::string& text, Tally* tally) {
  if (!CheckText(text).ok()) return;
  const Limits limits;
  for (const Chunk& chunk : SplitDocuments(text, ByteOrderMarkLength(text))) {
    const std::optional<ReadOutcome> fast = ReadBlockDocuments(text, chunk, limits);
    if (!fast.has_value()) {
      ++tally->fallback;
      continue;
    }
    ++tally->fast;
    const ReadOutcome slow = ReadDocumentsWithLibyaml(text, chunk, limits);
    const std::string difference = Difference(*fast, slow);
    EXPECT_EQ(difference, "") << name << " chunk at byte " << chunk.offset << ":\n"
                              << text.substr(chunk.offset, std::min<size_t>(chunk.size, 2000));
  }
}

TEST(BlockReaderTest, ReadsEveryTestFileAsLibyamlDoes) {
  Tally tally;
  size_t files = 0;
  for (const fs::path& path : TestFiles()) {
    CompareReaders(path.string(), ReadFile(path), &tally);
    ++files;
  }
  std::printf("block reader: %zu files, %zu chunks read, %zu left to libyaml\n", files,
              tally.fast, tally.fallback);
  EXPECT_GT(tally.fast, tally.fallback);
}

size_t LineStart(const std::string& text, size_t at) {
  const size_t newline = text.rfind('\n', at);
  return newline == std::string::npos ? 0 : newline + 1;
}

// One random edit of `text`: a character of YAML's syntax put in, a character taken out, a
// line repeated, or a line's indentation changed.
std::string Edit(const std::string& text, std::mt19937& random) {
  static constexpr std::string_view kSyntax = " :-#'\"|>+\n[]{}&*!?%,.\\0123456789xe~\t\r";
  if (text.empty()) return std::string(1, kSyntax[random() % kSyntax.size()]);
  std::string edited = text;
  const size_t at = random() % edited.size();
  switch (random() % 5) {
    case 0:
    case 1:
      edited.insert(at, 1, kSyntax[random() % kSyntax.size()]);
      break;
    case 2:
      edited.erase(at, 1 + random() % 3);
      break;
    case 3: {
      const size_t start = LineStart(edited, at);
      const size_t stop = edited.find('\n', at);
      const size_t size = (stop == std::string::npos ? edited.size() : stop + 1) - start;
      edited.insert(start, edited.substr(start, size));
      break;
    }
    default: {
      const size_t start = LineStart(edited, at);
      if (random() % 2 == 0) {
        edited.insert(start, std::string(1 + random() % 4, ' '));
      } else {
        size_t spaces = 0;
        while (start + spaces < edited.size() && edited[start + spaces] == ' ') ++spaces;
        edited.erase(start, std::min<size_t>(spaces, 1 + random() % 4));
      }
      break;
    }
  }
  return edited;
}

TEST(BlockReaderTest, ReadsRandomEditsAsLibyamlDoes) {
  std::vector<std::string> samples;
  for (const fs::path& path : TestFiles()) {
    std::string text = ReadFile(path);
    if (text.size() <= 4096) samples.push_back(std::move(text));
  }
  ASSERT_FALSE(samples.empty());

  std::mt19937 random(20261204);
  Tally tally;
  for (int round = 0; round < 40000; ++round) {
    std::string text = samples[random() % samples.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < edits; ++i) text = Edit(text, random);
    CompareReaders("random edit " + std::to_string(round), text, &tally);
    if (::testing::Test::HasFailure()) break;
  }
  std::printf("block reader, random edits: %zu chunks read, %zu left to libyaml\n", tally.fast,
              tally.fallback);
}

// A random document of the subset's shapes, written with irregular spacing: nested maps and
// lists, plain scalars over lines, quoted scalars with escapes, block scalars with blank and
// deeper lines, comments and empty values.
class Generator {
 public:
  explicit Generator(uint32_t seed) : random_(seed) {}

  std::string Document() {
    out_.clear();
    if (Pick(4) == 0) out_ += "---\n";
    if (Pick(2) == 0) Map(0, 0);
    else List(0, 0);
    if (Pick(6) == 0) out_ += "...\n";
    return out_;
  }

 private:
  size_t Pick(size_t n) { return random_() % n; }
  std::string Word() {
    static const char* kWords[] = {"a", "name", "yes", "0755", "1e3", "~", "x-y", "a:b",
                                   "-1", "é", "http://h", "null", "key.k", "b c", "0x1F",
                                   "a#b", "c:", "d  e", "f :g"};
    return kWords[Pick(std::size(kWords))];
  }
  void Comment() {
    if (Pick(5) == 0) out_ += std::string(Pick(6), ' ') + "# note\n";
    if (Pick(8) == 0) out_ += std::string(Pick(4), ' ') + "\n";
  }
  void Scalar(int indent) {
    switch (Pick(9)) {
      case 0:
        out_ += " '" + Word() + "''" + Word() + "'";
        break;
      case 1:
        out_ += " \"" + Word() + "\\t\\u00e9\\\"\\\\\\x41 " + Word() + "\"";
        break;
      case 2:
      case 3: {
        out_ += std::string(" ") + (Pick(2) == 0 ? "|" : ">");
        static const char* kChomp[] = {"", "-", "+"};
        out_ += kChomp[Pick(3)];
        if (Pick(4) == 0) out_ += " # c";
        out_ += "\n";
        const int body = indent + 1 + static_cast<int>(Pick(3));
        for (size_t i = 0, n = Pick(5); i < n; ++i) {
          if (Pick(4) == 0) out_ += std::string(Pick(body + 3), ' ') + "\n";
          out_ += std::string(body + (Pick(4) == 0 ? Pick(3) : 0), ' ') + Word() + " " + Word();
          if (Pick(6) == 0) out_ += "  ";
          out_ += "\n";
        }
        if (Pick(3) == 0) out_ += "\n";
        return;
      }
      case 4: {
        if (Pick(3) == 0) {
          out_ += Pick(2) == 0 ? " []" : " {}";
          break;
        }
        // A flow list of words and quoted scalars, with irregular spacing.
        static const char* kItems[] = {"a", "\"sh\"", "'-c'", "-m", "1", "yes", "x y",
                                       "\"a:b\"", "~", "\"\"", "a#b", "http://h", "-"};
        out_ += Pick(4) == 0 ? " [ " : " [";
        for (size_t i = 0, n = 1 + Pick(4); i < n; ++i) {
          if (i > 0) out_ += Pick(3) == 0 ? " , " : ", ";
          out_ += kItems[Pick(std::size(kItems))];
        }
        out_ += Pick(4) == 0 ? " ]" : "]";
        if (Pick(5) == 0) out_ += " # c";
        break;
      }
      case 5:
        if (indent == 0) out_ += " ";
        break;
      default:
        out_ += " " + Word();
        for (size_t i = 0, n = Pick(3); i < n; ++i) {
          out_ += Pick(3) == 0 ? "\n\n" : "\n";
          if (Pick(6) == 0) out_ += std::string(Pick(8), ' ') + "\n";
          out_ += std::string(indent + 1 + Pick(3), ' ') + Word();
          if (Pick(6) == 0) out_ += std::string(Pick(3), ' ');
        }
        if (Pick(5) == 0) out_ += " # c";
        break;
    }
    out_ += "\n";
  }
  void Node(int indent, int depth) {
    const size_t kind = depth > 4 ? 2 : Pick(3);
    if (kind == 2) return Scalar(indent);
    out_ += "\n";
    Comment();
    const int inner = indent + 1 + static_cast<int>(Pick(3));
    if (kind == 0) return Map(inner, depth + 1);
    List(Pick(3) == 0 ? indent : inner, depth + 1);
  }
  void Map(int indent, int depth) {
    for (size_t i = 0, n = 1 + Pick(4); i < n; ++i) {
      out_ += std::string(indent, ' ');
      out_ += Pick(6) == 0 ? "\"k" + std::to_string(i) + "\"" : "k" + std::to_string(i);
      out_ += Pick(6) == 0 ? " :" : ":";
      Node(indent, depth);
      Comment();
    }
  }
  void List(int indent, int depth) {
    for (size_t i = 0, n = 1 + Pick(4); i < n; ++i) {
      out_ += std::string(indent, ' ') + "-";
      if (Pick(3) == 0) {
        out_ += " k: v\n" + std::string(indent + 2, ' ') + "j:";
        Node(indent + 2, depth + 1);
      } else {
        Node(indent, depth);
      }
      Comment();
    }
  }

  std::mt19937 random_;
  std::string out_;
};

TEST(BlockReaderTest, ReadsRandomDocumentsAsLibyamlDoes) {
  Generator generator(11);
  std::mt19937 random(13);
  Tally tally;
  for (int round = 0; round < 20000; ++round) {
    std::string text = generator.Document();
    if (round % 2 == 1) text = Edit(text, random);
    CompareReaders("random document " + std::to_string(round), text, &tally);
    if (::testing::Test::HasFailure()) break;
  }
  std::printf("block reader, random documents: %zu chunks read, %zu left to libyaml\n",
              tally.fast, tally.fallback);
  EXPECT_GT(tally.fast, 2000u);
}

TEST(BlockReaderTest, ReadsTheSubsetItself) {
  const std::vector<std::string> cases = {
      "a: 1\nb:\n  - x\n  - 'y''s'\n  - \"z\\t\\u00e9\"\nc:\n- d: e\n  f: [] # c\n",
      "---\n# c\nkey: |\n  line\n\n   more\n  end\n\nnext: >-\n  folded\n  text\n\n   kept\n",
      "a:\n  b: plain text\n    over lines\n\n    and a paragraph\n  c: {}\n...\n",
      "- - a\n  - b\n- k: v\n  l:\n- |+\n  keep\n\n",
      "command: [\"sh\", '-c', \"exec \\\"$0\\\"\"]\nports: [ 80 , 443 ] # web\nitems:\n- x: [a]\n",
      "args: [-m, vllm.entrypoints, \"--port=8000\"]\naccessModes: [ \"ReadWriteOnce\" ]\n",
      "a: b\n  c\n", "a: 'x\n  y'\n", "a: &x 1\nb: *x\n", "a: b: c\n", "a:\tb\n",
      "a: 1\na: 2\n", "- a\nb: 1\n", "a:\n  - x\n  b: 1\n", "key: |2\n   x\n",
  };
  Tally tally;
  for (const std::string& text : cases) CompareReaders(text, text, &tally);
  EXPECT_GE(tally.fast, 6u) << "the first six are inside the subset";
}

}  // namespace
}  // namespace ccspm::manifest
