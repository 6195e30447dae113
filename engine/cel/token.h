// Tokens of the CEL grammar, as produced by the lexer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ccspm::cel {

enum class TokenKind : uint8_t {
  kEnd,
  kIdent,
  kQuotedIdent,  // `a-b`: a backquoted field name, valid only after '.' and in struct fields.
  kInt,          // magnitude in `uint_value`; the parser applies the sign and range.
  kUint,
  kDouble,
  kString,
  kBytes,
  kTrue,
  kFalse,
  kNull,
  kIn,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kDot,
  kComma,
  kColon,
  kQuestion,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kBang,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  int32_t offset = 0;       // Byte offset of the first character in the expression.
  std::string_view lexeme;  // The source text of the token.
  std::string text;         // Decoded string or bytes literal, or the identifier.
  uint64_t uint_value = 0;
  double double_value = 0;
};

std::string_view TokenKindName(TokenKind kind);

}  // namespace ccspm::cel
