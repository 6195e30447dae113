#include "manifest/block_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "manifest/byte_scan.h"
#include "manifest/json_builder.h"

namespace ccspm::manifest {
namespace {

// Longest plain or quoted key read here; libyaml refuses simple keys past 1024 characters.
constexpr size_t kMaxKeyBytes = 1000;

// Whether `bytes` hold only characters libyaml reads the way this reader does: printable
// UTF-8, with "\n" the only line break and no tab (libyaml also breaks lines at "\r", NEL, LS
// and PS, and refuses control characters and a byte order mark inside the text).
bool InSubset(std::string_view bytes) {
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  while (p < end) {
    p += PrintableAsciiPrefix(p, end);
    if (p == end) break;
    const auto byte = static_cast<unsigned char>(*p);
    if (byte < 0x80) return false;  // A control character or DEL.
    int length = 0;
    uint32_t code = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (end - p < length) return false;
    for (int i = 1; i < length; ++i) {
      const auto next = static_cast<unsigned char>(p[i]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    const bool shortest = length == 2   ? code >= 0x80
                          : length == 3 ? code >= 0x800
                                        : code >= 0x10000;
    const bool printable = (code >= 0xA0 && code <= 0xD7FF) ||
                           (code >= 0xE000 && code <= 0xFFFD && code != 0xFEFF) ||
                           (code >= 0x10000 && code <= 0x10FFFF);
    if (!shortest || !printable || code == 0x2028 || code == 0x2029) return false;
    p += length;
  }
  return true;
}

bool CanStartPlain(char c, char next) {
  switch (c) {
    case '-':
    case '?':
    case ':':
      // Indicators only before a blank; before anything else they start a plain scalar.
      return next != ' ' && next != '\n' && next != '\0';
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
    case ' ':
    case '\n':
    case '\0':
      return false;
    default:
      return true;
  }
}

// Characters a plain word in a flow list does not hold here: blanks, flow indicators, and ':'
// and '#', whose meaning there depends on what follows.
bool EndsFlowWord(char c) {
  switch (c) {
    case ' ':
    case '\n':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case ':':
      return true;
    default:
      return false;
  }
}

void AppendUtf8(uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Where the reader is: a byte offset with its line and the offset where that line starts.
struct Cursor {
  size_t pos = 0;
  int line = 1;
  size_t line_start = 0;
};

// A scalar read ahead of knowing whether it is a key.
struct Token {
  Cursor start;
  Cursor end;  // Just past its last character (past the ':' when it is a key).
  std::string_view value;
  bool plain = true;
  bool key = false;     // Followed on its line by ':' and a blank.
  bool colon = false;   // Plain: stopped at a ':' and a blank, on whatever line.
  bool on_one_line = true;
};

// Each method returns false when the text leaves the subset or the builder refuses an event;
// the caller then gives the chunk to libyaml.
class Reader {
 public:
  Reader(std::string_view text, const Chunk& chunk, DocumentBuilder& builder)
      : text_(text),
        end_(chunk.offset + chunk.size),
        printable_ascii_(chunk.printable_ascii),
        builder_(builder) {
    at_.pos = chunk.offset;
    at_.line = chunk.first_line;
    at_.line_start = chunk.offset;
  }

  bool Read(ReadOutcome* outcome);

 private:
  char At(size_t pos) const { return pos < end_ ? text_[pos] : '\0'; }
  bool Blankz(size_t pos) const {
    const char c = At(pos);
    return c == ' ' || c == '\n' || c == '\0';
  }
  int Column() const { return static_cast<int>(at_.pos - at_.line_start); }
  TextPosition Place(const Cursor& cursor) const { return {cursor.pos, cursor.line}; }
  bool IsEntry(size_t pos) const { return At(pos) == '-' && Blankz(pos + 1); }
  bool IsMarker(size_t pos, char c) const;
  size_t SpacesAt(size_t pos, size_t limit) const {
    return CountSpaces(text_.data() + pos, text_.data() + std::max(pos, std::min(limit, end_)));
  }

  void SkipToContent();
  bool AtLineEnd();
  bool Node(int parent_indent);
  bool Value(int map_indent);
  bool Mapping(int indent, Token first);
  bool Sequence(int indent);
  bool Emit(const Token& token);
  bool EmptyFlow();
  bool FlowSequence();
  bool FlowItem(size_t* pos);
  bool ScanPlain(int parent_indent, bool one_line, Token* token);
  size_t LineContentStop(size_t pos, bool* colon) const;
  bool ScanSingle(Token* token);
  bool ScanDouble(Token* token);
  bool QuotedKey(size_t after, Token* token);
  bool ScanKeyColon(Token* token);
  bool BlockScalar(int parent_indent);
  void BlockBreaks(int parent_indent, int* indent, int* breaks);

  std::string_view text_;
  size_t end_;
  bool printable_ascii_;  // Inside the subset's characters, without looking.
  DocumentBuilder& builder_;
  Cursor at_;
  std::string scratch_;
};

bool Reader::IsMarker(size_t pos, char c) const {
  return end_ - pos >= 3 && text_[pos] == c && text_[pos + 1] == c && text_[pos + 2] == c &&
         Blankz(pos + 3);
}

// Skips blanks, comments and line breaks up to the first character of the next content.
void Reader::SkipToContent() {
  for (;;) {
    at_.pos += SpacesAt(at_.pos, end_);
    const char c = At(at_.pos);
    if (c == '#' && (at_.pos == at_.line_start || text_[at_.pos - 1] == ' ')) {
      const void* newline = std::memchr(text_.data() + at_.pos, '\n', end_ - at_.pos);
      at_.pos = newline == nullptr ? end_ : static_cast<const char*>(newline) - text_.data();
      continue;
    }
    if (c != '\n') return;
    ++at_.pos;
    ++at_.line;
    at_.line_start = at_.pos;
  }
}

// Whether only blanks and a comment are left on the line.
bool Reader::AtLineEnd() {
  size_t pos = at_.pos;
  while (At(pos) == ' ') ++pos;
  const char c = At(pos);
  return c == '\n' || c == '\0' ||
         (c == '#' && (pos == at_.line_start || text_[pos - 1] == ' '));
}

bool Reader::Read(ReadOutcome* outcome) {
  if (!printable_ascii_ && !InSubset(text_.substr(at_.pos, end_ - at_.pos))) return false;

  SkipToContent();
  bool started = false;  // By a "---".
  bool content = false;
  TextPosition start;
  if (at_.pos < end_ && Column() == 0 && At(at_.pos) == '%') return false;
  if (Column() == 0 && IsMarker(at_.pos, '-')) {
    started = true;
    start = Place(at_);
    at_.pos += 3;
    if (!AtLineEnd()) return false;
    SkipToContent();
  }
  if (at_.pos < end_ && !(Column() == 0 && IsMarker(at_.pos, '.'))) {
    if (!started) start = Place(at_);
    content = true;
    builder_.StartDocument(start, end_ - start.offset);
    const int indent = Column();
    if (IsEntry(at_.pos)) {
      if (!Sequence(indent)) return false;
    } else {
      Token first;
      if (!ScanKeyColon(&first) || !first.key) return false;
      if (!Mapping(indent, first)) return false;
    }
    SkipToContent();
    if (std::unique_ptr<ParsedDocument> document = builder_.EndDocument()) {
      outcome->documents.push_back(std::move(document));
    }
  }
  if (at_.pos < end_ && Column() == 0 && IsMarker(at_.pos, '.')) {
    // libyaml takes a "..." before any document for a document with no content.
    if (!started && !content) return false;
    at_.pos += 3;
    if (!AtLineEnd()) return false;
    SkipToContent();
  }
  return at_.pos >= end_;
}

// Reads a key-shaped scalar at the cursor: plain or quoted, on one line.
bool Reader::ScanKeyColon(Token* token) {
  const char c = At(at_.pos);
  if (c == '"') return ScanDouble(token);
  if (c == '\'') return ScanSingle(token);
  if (!CanStartPlain(c, At(at_.pos + 1))) return false;
  return ScanPlain(-1, true, token);
}

bool Reader::Mapping(int indent, Token first) {
  if (!builder_.StartCollection(Place(first.start), true, {})) return false;
  Token key = first;
  for (;;) {
    if (!key.key || key.end.pos - key.start.pos > kMaxKeyBytes) return false;
    if (!Emit(key)) return false;
    at_ = key.end;
    if (!Value(indent)) return false;

    SkipToContent();
    if (at_.pos >= end_ || (Column() == 0 && IsMarker(at_.pos, '.'))) break;
    const int column = Column();
    if (column < indent) break;
    if (column > indent || IsEntry(at_.pos)) return false;
    if (!ScanKeyColon(&key)) return false;
  }
  return builder_.EndCollection();
}

// The value after a key's ':' (the cursor is just past it).
bool Reader::Value(int map_indent) {
  const Cursor colon = at_;
  if (AtLineEnd()) {
    SkipToContent();
    if (at_.pos < end_ && !(Column() == 0 && IsMarker(at_.pos, '.'))) {
      if (Column() > map_indent) return Node(map_indent);
      if (Column() == map_indent && IsEntry(at_.pos)) return Sequence(map_indent);
    }
    ScalarEvent empty;
    empty.where = Place(colon);
    empty.value = {};
    empty.plain = true;
    return builder_.Scalar(empty);
  }

  while (At(at_.pos) == ' ') ++at_.pos;
  if (IsEntry(at_.pos)) return false;
  return Node(map_indent);
}

// The node starting at the cursor, inside a collection indented `parent_indent`.
bool Reader::Node(int parent_indent) {
  const char c = At(at_.pos);
  if (IsEntry(at_.pos)) return Sequence(Column());
  if (c == '|' || c == '>') return BlockScalar(parent_indent);
  if (c == '[') return FlowSequence();
  if (c == '{') return EmptyFlow();

  const int column = Column();
  Token token;
  if (c == '"') {
    if (!ScanDouble(&token)) return false;
  } else if (c == '\'') {
    if (!ScanSingle(&token)) return false;
  } else if (CanStartPlain(c, At(at_.pos + 1))) {
    if (!ScanPlain(parent_indent, false, &token)) return false;
  } else {
    return false;
  }
  if (token.key) {
    // A map begins here, unless it sits on the line of its parent's key ("a: b: c").
    if (!token.on_one_line || column <= parent_indent) return false;
    // Only indentation and "- " entries may precede it on its line.
    for (size_t pos = at_.line_start;;) {
      pos += SpacesAt(pos, token.start.pos);
      if (pos == token.start.pos) break;
      if (text_[pos] != '-') return false;
      ++pos;
    }
    return Mapping(column, token);
  }
  if (token.colon) return false;
  if (!Emit(token)) return false;
  at_ = token.end;
  return AtLineEnd();
}

bool Reader::Sequence(int indent) {
  if (!builder_.StartCollection(Place(at_), false, {})) return false;
  for (;;) {
    ++at_.pos;
    const Cursor dash_end = at_;
    bool empty = false;
    if (AtLineEnd()) {
      SkipToContent();
      empty = at_.pos >= end_ || Column() <= indent;
    } else {
      while (At(at_.pos) == ' ') ++at_.pos;
    }
    if (empty) {
      // An item with no content: libyaml places its empty scalar just past the "-".
      ScalarEvent event;
      event.where = Place(dash_end);
      if (!builder_.Scalar(event)) return false;
    } else if (!Node(indent)) {
      return false;
    }

    SkipToContent();
    if (at_.pos >= end_ || (Column() == 0 && IsMarker(at_.pos, '.'))) break;
    const int column = Column();
    if (column < indent || (column == indent && !IsEntry(at_.pos))) break;
    if (column > indent) return false;
  }
  return builder_.EndCollection();
}

bool Reader::Emit(const Token& token) {
  ScalarEvent event;
  event.where = Place(token.start);
  event.value = token.value;
  event.plain = token.plain;
  return builder_.Scalar(event);
}

// "[]" or "{}" and nothing else on the line.
bool Reader::EmptyFlow() {
  const char open = At(at_.pos);
  const char close = open == '[' ? ']' : '}';
  if (At(at_.pos + 1) != close) return false;
  if (!builder_.StartCollection(Place(at_), open == '{', {})) return false;
  if (!builder_.EndCollection()) return false;
  at_.pos += 2;
  return AtLineEnd();
}

// A flow list of scalars on one line, such as ["sh", "-c", "exec x"] or [a, b], and nothing
// after it but a comment: what manifests write for commands, arguments and access modes.
bool Reader::FlowSequence() {
  size_t pos = at_.pos + 1;
  pos += SpacesAt(pos, end_);
  if (At(pos) == ']') return EmptyFlow();
  if (!builder_.StartCollection(Place(at_), false, {})) return false;
  for (;;) {
    if (!FlowItem(&pos)) return false;
    pos += SpacesAt(pos, end_);
    if (At(pos) == ']') break;
    // A trailing comma, an empty item or anything but a comma is left to libyaml.
    if (At(pos) != ',') return false;
    ++pos;
    pos += SpacesAt(pos, end_);
    if (At(pos) == ']' || At(pos) == ',') return false;
  }
  if (!builder_.EndCollection()) return false;
  at_.pos = pos + 1;
  return AtLineEnd();
}

// One item of a flow list at `pos`: a quoted scalar, or a plain word without the characters
// that mean something in a flow collection (" ,[]{}#:"); `pos` moves past it.
bool Reader::FlowItem(size_t* pos) {
  at_.pos = *pos;
  Token token;
  const char c = At(*pos);
  if (c == '"' || c == '\'') {
    if (!(c == '"' ? ScanDouble(&token) : ScanSingle(&token)) || token.key) return false;
    *pos = token.end.pos;
    return Emit(token);
  }
  // In a flow collection '?' and ':' are indicators even before a non-blank.
  if (c == '?' || c == ':' || !CanStartPlain(c, At(*pos + 1))) return false;
  size_t end = *pos;
  while (end < end_ && !EndsFlowWord(text_[end])) ++end;
  if (end == *pos) return false;
  token.start = at_;
  token.value = text_.substr(*pos, end - *pos);
  *pos = end;
  return Emit(token);
}

// A plain scalar at the cursor, folded over the lines indented deeper than `parent_indent` the
// way libyaml folds them; with `one_line`, it ends at the line break. It is read a line at a
// time: only a line break, ": ", ":" at the end, or " #" can end it within a line.
bool Reader::ScanPlain(int parent_indent, bool one_line, Token* token) {
  *token = Token();
  token->start = at_;
  Cursor at = at_;
  Cursor content_end = at_;
  bool folded = false;  // The value is in scratch_, not a slice of the text.
  int breaks = 0;       // Line breaks between the content so far and this line's.
  for (;;) {
    if (at.pos >= end_ || At(at.pos) == '#') break;
    if (at.pos == at.line_start && (IsMarker(at.pos, '-') || IsMarker(at.pos, '.'))) break;

    const size_t stop = LineContentStop(at.pos, &token->colon);
    size_t last = stop;
    while (last > at.pos && text_[last - 1] == ' ') --last;
    if (last > at.pos) {
      if (breaks > 0) {
        // A single break folds to a space, more keep all but the first.
        if (!folded) {
          scratch_.assign(text_.data() + token->start.pos, content_end.pos - token->start.pos);
          folded = true;
        }
        if (breaks == 1) {
          scratch_.push_back(' ');
        } else {
          scratch_.append(static_cast<size_t>(breaks - 1), '\n');
        }
        scratch_.append(text_.data() + at.pos, last - at.pos);
        breaks = 0;
      }
      content_end = at;
      content_end.pos = last;
    }
    at.pos = stop;
    if (token->colon || At(at.pos) != '\n' || one_line) break;

    // The next line with content, and whether it is indented enough to continue the scalar.
    while (At(at.pos) == '\n') {
      ++breaks;
      ++at.pos;
      ++at.line;
      at.line_start = at.pos;
      at.pos += SpacesAt(at.pos, end_);
    }
    if (static_cast<int>(at.pos - at.line_start) <= parent_indent) break;
  }

  token->value = folded ? std::string_view(scratch_)
                        : text_.substr(token->start.pos, content_end.pos - token->start.pos);
  token->end = content_end;
  token->on_one_line = content_end.line == token->start.line;
  if (token->colon && at.line == token->start.line) {
    token->key = true;
    token->end = at;
    ++token->end.pos;
  }
  return true;
}

// Where plain content starting at `pos` stops on its line: at the line break (or the end), at a
// ':' followed by a blank (`*colon` is then set), or at a '#' after a space.
size_t Reader::LineContentStop(size_t pos, bool* colon) const {
  for (;;) {
    pos += FindBreakColonOrHash(text_.data() + pos, text_.data() + end_);
    if (pos >= end_ || text_[pos] == '\n') return pos;
    if (text_[pos] == ':' && Blankz(pos + 1)) {
      *colon = true;
      return pos;
    }
    if (text_[pos] == '#' && text_[pos - 1] == ' ') return pos;
    ++pos;
  }
}

bool Reader::ScanSingle(Token* token) {
  *token = Token();
  token->start = at_;
  token->plain = false;
  const size_t first = at_.pos + 1;
  size_t pos = first;
  bool copied = false;
  for (;;) {
    const char c = At(pos);
    if (c == '\0' || c == '\n') return false;
    if (c == '\'') {
      if (At(pos + 1) != '\'') break;
      if (!copied) {
        scratch_.assign(text_.data() + first, pos + 1 - first);
        copied = true;
      } else {
        scratch_.push_back('\'');
      }
      pos += 2;
      continue;
    }
    if (copied) scratch_.push_back(c);
    ++pos;
  }
  token->value = copied ? std::string_view(scratch_) : text_.substr(first, pos - first);
  return QuotedKey(pos + 1, token);
}

bool Reader::ScanDouble(Token* token) {
  *token = Token();
  token->start = at_;
  token->plain = false;
  const size_t first = at_.pos + 1;
  size_t pos = first;
  bool copied = false;
  for (;;) {
    const char c = At(pos);
    if (c == '\0' || c == '\n') return false;
    if (c == '"') break;
    if (c != '\\') {
      if (copied) scratch_.push_back(c);
      ++pos;
      continue;
    }
    if (!copied) {
      scratch_.assign(text_.data() + first, pos - first);
      copied = true;
    }
    const char escape = At(pos + 1);
    int digits = 0;
    switch (escape) {
      case '0': scratch_.push_back('\0'); break;
      case 'a': scratch_.push_back('\x07'); break;
      case 'b': scratch_.push_back('\x08'); break;
      case 't': scratch_.push_back('\x09'); break;
      case 'n': scratch_.push_back('\x0A'); break;
      case 'v': scratch_.push_back('\x0B'); break;
      case 'f': scratch_.push_back('\x0C'); break;
      case 'r': scratch_.push_back('\x0D'); break;
      case 'e': scratch_.push_back('\x1B'); break;
      case ' ': scratch_.push_back(' '); break;
      case '"': scratch_.push_back('"'); break;
      case '/': scratch_.push_back('/'); break;
      case '\\': scratch_.push_back('\\'); break;
      case 'N': AppendUtf8(0x85, &scratch_); break;
      case '_': AppendUtf8(0xA0, &scratch_); break;
      case 'L': AppendUtf8(0x2028, &scratch_); break;
      case 'P': AppendUtf8(0x2029, &scratch_); break;
      case 'x': digits = 2; break;
      case 'u': digits = 4; break;
      case 'U': digits = 8; break;
      default: return false;
    }
    pos += 2;
    if (digits == 0) continue;
    uint32_t code = 0;
    for (int i = 0; i < digits; ++i) {
      const int value = HexValue(At(pos + i));
      if (value < 0) return false;
      code = code * 16 + static_cast<uint32_t>(value);
    }
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    AppendUtf8(code, &scratch_);
    pos += static_cast<size_t>(digits);
  }
  token->value = copied ? std::string_view(scratch_) : text_.substr(first, pos - first);
  return QuotedKey(pos + 1, token);
}

// Ends a quoted scalar whose closing quote is just before `after`: a key when ':' and a blank
// follow it on its line.
bool Reader::QuotedKey(size_t after, Token* token) {
  token->end = at_;
  token->end.pos = after;
  size_t pos = after;
  while (At(pos) == ' ') ++pos;
  if (At(pos) == ':' && Blankz(pos + 1)) {
    token->key = true;
    token->end.pos = pos + 1;
  }
  return true;
}

// A "|" or ">" block scalar at the cursor, read the way libyaml reads it.
bool Reader::BlockScalar(int parent_indent) {
  const Cursor start = at_;
  const bool literal = At(at_.pos) == '|';
  ++at_.pos;
  int chomping = 0;
  if (At(at_.pos) == '+' || At(at_.pos) == '-') {
    chomping = At(at_.pos) == '+' ? 1 : -1;
    ++at_.pos;
  }
  if (At(at_.pos) >= '0' && At(at_.pos) <= '9') return false;
  if (!AtLineEnd()) return false;
  while (at_.pos < end_ && text_[at_.pos] != '\n') ++at_.pos;
  if (at_.pos < end_) {
    ++at_.pos;
    ++at_.line;
    at_.line_start = at_.pos;
  }

  std::string& out = scratch_;
  out.clear();
  int indent = 0;
  int trailing = 0;
  bool leading_break = false;
  bool leading_blank = false;
  BlockBreaks(parent_indent, &indent, &trailing);
  // Blank lines indented deeper than the first content: libyaml's rules there are its own.
  if (at_.pos < end_ && Column() < indent && trailing > 0) return false;
  while (at_.pos < end_ && Column() == indent) {
    const bool trailing_blank = At(at_.pos) == ' ';
    if (!literal && leading_break && !leading_blank && !trailing_blank) {
      if (trailing == 0) out.push_back(' ');
    } else if (leading_break) {
      out.push_back('\n');
    }
    leading_break = false;
    out.append(static_cast<size_t>(trailing), '\n');
    trailing = 0;
    leading_blank = trailing_blank;

    const void* newline = std::memchr(text_.data() + at_.pos, '\n', end_ - at_.pos);
    const size_t eol = newline == nullptr ? end_ : static_cast<const char*>(newline) - text_.data();
    out.append(text_.data() + at_.pos, eol - at_.pos);
    at_.pos = eol;
    if (at_.pos < end_) {
      leading_break = true;
      ++at_.pos;
      ++at_.line;
      at_.line_start = at_.pos;
    }
    BlockBreaks(parent_indent, &indent, &trailing);
  }
  if (chomping != -1 && leading_break) out.push_back('\n');
  if (chomping == 1) out.append(static_cast<size_t>(trailing), '\n');

  ScalarEvent event;
  event.where = Place(start);
  event.value = out;
  event.plain = false;
  return builder_.Scalar(event);
}

// Skips the indentation and the empty lines before a block scalar's next line, counting the
// breaks, and settles the indentation at the first content line when it is not yet known.
void Reader::BlockBreaks(int parent_indent, int* indent, int* breaks) {
  int max_indent = 0;
  for (;;) {
    const size_t limit = *indent == 0 ? end_ : at_.line_start + static_cast<size_t>(*indent);
    at_.pos += SpacesAt(at_.pos, limit);
    if (Column() > max_indent) max_indent = Column();
    if (At(at_.pos) != '\n') break;
    ++*breaks;
    ++at_.pos;
    ++at_.line;
    at_.line_start = at_.pos;
  }
  if (*indent == 0) {
    *indent = max_indent;
    if (*indent < parent_indent + 1) *indent = parent_indent + 1;
    if (*indent < 1) *indent = 1;
  }
}

}  // namespace

std::optional<ReadOutcome> ReadBlockDocuments(std::string_view text, const Chunk& chunk,
                                              const Limits& limits) {
  DocumentBuilder builder(text, limits);
  Reader reader(text, chunk, builder);
  ReadOutcome outcome;
  if (!reader.Read(&outcome)) return std::nullopt;
  return outcome;
}

}  // namespace ccspm::manifest
