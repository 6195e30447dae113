#include "engine/cel/lexer.h"

#include <cerrno>
#include <cstdlib>
#include <string>

#include "engine/cel/string_literal.h"
#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  Result<std::vector<Token>> Run() {
    if (!IsValidUtf8(source_)) return InvalidError("expression is not valid UTF-8");

    std::vector<Token> tokens;
    while (true) {
      SkipSpaceAndComments();
      Token token;
      token.offset = static_cast<int32_t>(pos_);
      if (pos_ >= source_.size()) {
        tokens.push_back(std::move(token));
        return tokens;
      }
      Status status = Next(&token);
      if (!status.ok()) return status;
      token.lexeme = source_.substr(token.offset, pos_ - token.offset);
      tokens.push_back(std::move(token));
    }
  }

 private:
  void SkipSpaceAndComments() {
    while (pos_ < source_.size()) {
      if (IsSpace(source_[pos_])) {
        ++pos_;
      } else if (source_.substr(pos_, 2) == "//") {
        while (pos_ < source_.size() && source_[pos_] != '\n') ++pos_;
      } else {
        return;
      }
    }
  }

  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
  }

  Status Fail(size_t offset, std::string_view message) const {
    return ErrorAt(source_, static_cast<int32_t>(offset), message);
  }

  Status Next(Token* token) {
    const char c = Peek();
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)) && !previous_allows_member_)) {
      previous_allows_member_ = true;
      return Number(token);
    }
    if (c == '"' || c == '\'') return Literal(token, 0, false, false);
    if (IsIdentStart(c)) {
      if (Status s; TryPrefixedLiteral(token, &s)) return s;
      return Identifier(token);
    }
    if (c == '`') return QuotedIdentifier(token);
    previous_allows_member_ = c == ')' || c == ']' || c == '}';
    return Punctuation(token);
  }

  // A literal with r/b prefixes ("b'..'", "rb'..'", "R'..'"). Returns false when not one.
  bool TryPrefixedLiteral(Token* token, Status* status) {
    bool is_raw = false;
    bool is_bytes = false;
    size_t length = 0;
    while (length < 2) {
      const char c = Peek(length);
      if ((c == 'r' || c == 'R') && !is_raw) {
        is_raw = true;
      } else if ((c == 'b' || c == 'B') && !is_bytes) {
        is_bytes = true;
      } else {
        break;
      }
      ++length;
    }
    const char quote = Peek(length);
    if (length == 0 || (quote != '"' && quote != '\'')) return false;
    *status = Literal(token, length, is_bytes, is_raw);
    return true;
  }

  Status Literal(Token* token, size_t prefix_length, bool is_bytes, bool is_raw) {
    LiteralResult literal = DecodeLiteral(source_.substr(pos_), prefix_length, is_bytes, is_raw);
    if (!literal.ok) return Fail(pos_ + literal.error_offset, literal.error);
    token->kind = is_bytes ? TokenKind::kBytes : TokenKind::kString;
    token->text = std::move(literal.value);
    pos_ += literal.length;
    previous_allows_member_ = true;
    return Status::Ok();
  }

  Status Identifier(Token* token) {
    const size_t start = pos_;
    while (pos_ < source_.size() && (IsIdentStart(source_[pos_]) || IsDigit(source_[pos_]))) {
      ++pos_;
    }
    const std::string_view word = source_.substr(start, pos_ - start);
    previous_allows_member_ = true;
    if (word == "true") {
      token->kind = TokenKind::kTrue;
    } else if (word == "false") {
      token->kind = TokenKind::kFalse;
    } else if (word == "null") {
      token->kind = TokenKind::kNull;
    } else if (word == "in") {
      token->kind = TokenKind::kIn;
      previous_allows_member_ = false;
    } else {
      token->kind = TokenKind::kIdent;
      token->text = std::string(word);
    }
    return Status::Ok();
  }

  Status QuotedIdentifier(Token* token) {
    const size_t start = pos_++;
    while (pos_ < source_.size() && source_[pos_] != '`') {
      const char c = source_[pos_];
      const bool allowed =
          IsIdentStart(c) || IsDigit(c) || c == '.' || c == '-' || c == '/' || c == ' ';
      if (!allowed) return Fail(pos_, "invalid character in quoted identifier");
      ++pos_;
    }
    if (pos_ >= source_.size()) return Fail(start, "unterminated quoted identifier");
    token->kind = TokenKind::kQuotedIdent;
    token->text = std::string(source_.substr(start + 1, pos_ - start - 1));
    ++pos_;
    if (token->text.empty()) return Fail(start, "empty quoted identifier");
    previous_allows_member_ = true;
    return Status::Ok();
  }

  Status Number(Token* token) {
    const size_t start = pos_;
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
      pos_ += 2;
      const size_t digits = pos_;
      while (IsHexDigit(Peek())) ++pos_;
      if (pos_ == digits) return Fail(start, "hex literal needs digits");
      return IntegerSuffix(token, start, source_.substr(digits, pos_ - digits), 16);
    }

    while (IsDigit(Peek())) ++pos_;
    bool is_double = false;
    if (Peek() == '.' && IsDigit(Peek(1))) {
      is_double = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      size_t exponent = pos_ + 1;
      if (exponent < source_.size() && (source_[exponent] == '+' || source_[exponent] == '-')) {
        ++exponent;
      }
      if (exponent < source_.size() && IsDigit(source_[exponent])) {
        is_double = true;
        pos_ = exponent;
        while (IsDigit(Peek())) ++pos_;
      }
    }

    if (!is_double) return IntegerSuffix(token, start, source_.substr(start, pos_ - start), 10);
    const std::string text(source_.substr(start, pos_ - start));
    errno = 0;
    token->kind = TokenKind::kDouble;
    token->double_value = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::abs(token->double_value) > 1) {
      return Fail(start, "double literal out of range");
    }
    return Status::Ok();
  }

  Status IntegerSuffix(Token* token, size_t start, std::string_view digits, int base) {
    const bool is_uint = Peek() == 'u' || Peek() == 'U';
    if (is_uint) ++pos_;
    if (IsIdentStart(Peek()) || IsDigit(Peek())) return Fail(start, "malformed number literal");

    uint64_t value = 0;
    for (const char c : digits) {
      const uint64_t digit = IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
      if (value > (UINT64_MAX - digit) / base) return Fail(start, "integer literal out of range");
      value = value * base + digit;
    }
    token->kind = is_uint ? TokenKind::kUint : TokenKind::kInt;
    token->uint_value = value;
    return Status::Ok();
  }

  Status Punctuation(Token* token) {
    struct Symbol {
      std::string_view text;
      TokenKind kind;
    };
    static constexpr Symbol kSymbols[] = {
        {"==", TokenKind::kEq},      {"!=", TokenKind::kNe},    {"<=", TokenKind::kLe},
        {">=", TokenKind::kGe},      {"&&", TokenKind::kAnd},   {"||", TokenKind::kOr},
        {"(", TokenKind::kLParen},   {")", TokenKind::kRParen}, {"[", TokenKind::kLBracket},
        {"]", TokenKind::kRBracket}, {"{", TokenKind::kLBrace}, {"}", TokenKind::kRBrace},
        {".", TokenKind::kDot},      {",", TokenKind::kComma},  {":", TokenKind::kColon},
        {"?", TokenKind::kQuestion}, {"+", TokenKind::kPlus},   {"-", TokenKind::kMinus},
        {"*", TokenKind::kStar},     {"/", TokenKind::kSlash},  {"%", TokenKind::kPercent},
        {"!", TokenKind::kBang},     {"<", TokenKind::kLt},     {">", TokenKind::kGt},
    };
    for (const Symbol& symbol : kSymbols) {
      if (source_.substr(pos_, symbol.text.size()) == symbol.text) {
        token->kind = symbol.kind;
        pos_ += symbol.text.size();
        return Status::Ok();
      }
    }
    size_t end = pos_;
    DecodeUtf8(source_, &end);
    return Fail(pos_,
                "unexpected character '" + std::string(source_.substr(pos_, end - pos_)) + "'");
  }

  std::string_view source_;
  size_t pos_ = 0;
  bool previous_allows_member_ = false;
};

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "end of input";
    case TokenKind::kIdent:
      return "identifier";
    case TokenKind::kQuotedIdent:
      return "quoted identifier";
    case TokenKind::kInt:
    case TokenKind::kUint:
    case TokenKind::kDouble:
      return "number";
    case TokenKind::kString:
      return "string";
    case TokenKind::kBytes:
      return "bytes";
    default:
      return "symbol";
  }
}

Result<std::vector<Token>> Tokenize(std::string_view source) { return Lexer(source).Run(); }

std::string FormatPosition(std::string_view source, int32_t offset) {
  int line = 1;
  int column = 1;
  size_t pos = 0;
  const size_t end = std::min(source.size(), static_cast<size_t>(std::max(offset, 0)));
  while (pos < end) {
    if (source[pos] == '\n') {
      ++line;
      column = 1;
      ++pos;
      continue;
    }
    DecodeUtf8(source, &pos);
    ++column;
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Status ErrorAt(std::string_view source, int32_t offset, std::string_view message) {
  return InvalidError(FormatPosition(source, offset) + ": " + std::string(message));
}

}  // namespace ccspm::cel
