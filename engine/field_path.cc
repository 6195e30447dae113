#include "engine/field_path.h"

#include <cctype>

namespace ccspm::engine {
namespace {

bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '-';
}

bool IsPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!IsKeyChar(c)) return false;
  }
  return true;
}

class PathParser {
 public:
  explicit PathParser(std::string_view text) : text_(text) {}

  Result<FieldPath> Parse() {
    if (text_.empty()) return Fail("a path must not be empty");

    std::vector<PathSegment> segments;
    bool expect_key = true;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '[') {
        Result<PathSegment> selector = ParseSelector();
        if (!selector.ok()) return selector.status();
        segments.push_back(std::move(*selector));
        expect_key = false;
        continue;
      }
      if (!expect_key) {
        if (text_[pos_] != '.') return Fail("expected '.' or '['");
        ++pos_;
      }
      Result<PathSegment> key =
          pos_ < text_.size() && text_[pos_] == '{' ? ParseAlternatives() : ParseKey();
      if (!key.ok()) return key.status();
      segments.push_back(std::move(*key));
      expect_key = false;
    }
    return FieldPath(std::move(segments));
  }

 private:
  Status Fail(std::string_view reason) const {
    return InvalidError("path \"" + std::string(text_) + "\" column " + std::to_string(pos_ + 1) +
                        ": " + std::string(reason));
  }

  Result<PathSegment> ParseKey() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsKeyChar(text_[pos_])) ++pos_;
    if (pos_ == start) return Fail("expected a field name");
    PathSegment segment;
    segment.key = std::string(text_.substr(start, pos_ - start));
    return segment;
  }

  Result<PathSegment> ParseAlternatives() {
    ++pos_;  // '{'
    PathSegment segment;
    segment.type = PathSegment::Type::kAnyOfKeys;
    while (true) {
      Result<PathSegment> key = ParseKey();
      if (!key.ok()) return key.status();
      segment.keys.push_back(std::move(key->key));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') break;
      return Fail("expected ',' or '}'");
    }
    ++pos_;
    return segment;
  }

  Result<std::string> ParseQuoted() {
    char quote = text_[pos_++];
    std::string value;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      value += text_[pos_++];
    }
    if (pos_ >= text_.size()) return Fail("unterminated quoted key");
    ++pos_;
    return value;
  }

  Result<PathSegment> ParseSelector() {
    ++pos_;  // '['
    PathSegment segment;
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      Result<std::string> key = ParseQuoted();
      if (!key.ok()) return key.status();
      segment.key = std::move(*key);
    } else if (pos_ < text_.size() && text_[pos_] == '*') {
      ++pos_;
      segment.type = PathSegment::Type::kEvery;
    } else if (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      segment.type = PathSegment::Type::kIndex;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        if (segment.index > 1'000'000) return Fail("list index too large");
        segment.index = segment.index * 10 + static_cast<size_t>(text_[pos_++] - '0');
      }
    } else {
      Result<PathSegment> where = ParseItemWhere();
      if (!where.ok()) return where.status();
      segment = std::move(*where);
    }
    if (pos_ >= text_.size() || text_[pos_] != ']') return Fail("expected ']'");
    ++pos_;
    return segment;
  }

  Result<PathSegment> ParseItemWhere() {
    PathSegment segment;
    segment.type = PathSegment::Type::kItemWhere;
    size_t start = pos_;
    while (pos_ < text_.size() && IsKeyChar(text_[pos_])) ++pos_;
    if (pos_ == start) return Fail("expected '*', an index, a quoted key or name=value");
    segment.key = std::string(text_.substr(start, pos_ - start));
    if (pos_ >= text_.size() || text_[pos_] != '=') return Fail("expected '=' in a list selector");
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      Result<std::string> value = ParseQuoted();
      if (!value.ok()) return value.status();
      segment.match_value = std::move(*value);
      return segment;
    }
    start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ']') ++pos_;
    segment.match_value = std::string(text_.substr(start, pos_ - start));
    if (segment.match_value.empty()) return Fail("expected a value after '='");
    return segment;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Result<FieldPath> FieldPath::Parse(std::string_view text) { return PathParser(text).Parse(); }

bool FieldPath::StartsWithKey(std::string_view key) const {
  return !segments_.empty() && segments_[0].type == PathSegment::Type::kKey &&
         segments_[0].key == key;
}

FieldPath FieldPath::Rebased(const FieldPath& prefix) const {
  std::vector<PathSegment> segments = prefix.segments_;
  segments.insert(segments.end(), segments_.begin(), segments_.end());
  return FieldPath(std::move(segments));
}

std::string FieldPath::ToString() const {
  std::string text;
  for (const PathSegment& segment : segments_) {
    switch (segment.type) {
      case PathSegment::Type::kKey:
        if (IsPlainKey(segment.key)) {
          if (!text.empty()) text += '.';
          text += segment.key;
        } else {
          text += "[\"" + segment.key + "\"]";
        }
        break;
      case PathSegment::Type::kIndex:
        text += "[" + std::to_string(segment.index) + "]";
        break;
      case PathSegment::Type::kEvery:
        text += "[*]";
        break;
      case PathSegment::Type::kItemWhere:
        text += "[" + segment.key + "=" + segment.match_value + "]";
        break;
      case PathSegment::Type::kAnyOfKeys: {
        if (!text.empty()) text += '.';
        text += '{';
        for (size_t i = 0; i < segment.keys.size(); ++i) {
          text += (i ? "," : "") + segment.keys[i];
        }
        text += '}';
        break;
      }
    }
  }
  return text;
}

std::string DisplayPath(const ConcretePath& path) {
  std::string text;
  for (const ConcreteStep& step : path) {
    if (step.is_index) {
      text += "[" + std::to_string(step.index) + "]";
    } else if (IsPlainKey(step.key)) {
      if (!text.empty()) text += '.';
      text += step.key;
    } else {
      text += "[\"" + step.key + "\"]";
    }
  }
  return text;
}

std::string EscapePointerToken(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~')
      escaped += "~0";
    else if (c == '/')
      escaped += "~1";
    else
      escaped += c;
  }
  return escaped;
}

std::string JsonPointer(const ConcretePath& path) {
  std::string pointer;
  for (const ConcreteStep& step : path) {
    pointer += '/';
    pointer += step.is_index ? std::to_string(step.index) : EscapePointerToken(step.key);
  }
  return pointer;
}

}  // namespace ccspm::engine
