// The CEL lexer: splits an expression into tokens with byte offsets, decoding literals.
//
// Failure: returns an Invalid status "line:column: reason" for an unterminated or malformed
// literal, an invalid escape, invalid UTF-8 in the source, or an unexpected character.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "engine/cel/token.h"

namespace ccspm::cel {

Result<std::vector<Token>> Tokenize(std::string_view source);

// "line:column" (both 1-based, column counted in code points) of a byte offset in `source`.
std::string FormatPosition(std::string_view source, int32_t offset);

// A status "line:column: message" for an error at `offset` in `source`.
Status ErrorAt(std::string_view source, int32_t offset, std::string_view message);

}  // namespace ccspm::cel
