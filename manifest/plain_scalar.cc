#include "manifest/plain_scalar.h"

#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace ccspm::manifest {
namespace {

using Type = PlainScalar::Type;

struct Keyword {
  std::string_view text;
  Type type;
  bool value;
};

constexpr std::array<Keyword, 38> kKeywords = {{
    {"y", Type::kBool, true},         {"Y", Type::kBool, true},
    {"yes", Type::kBool, true},       {"Yes", Type::kBool, true},
    {"YES", Type::kBool, true},       {"true", Type::kBool, true},
    {"True", Type::kBool, true},      {"TRUE", Type::kBool, true},
    {"on", Type::kBool, true},        {"On", Type::kBool, true},
    {"ON", Type::kBool, true},        {"n", Type::kBool, false},
    {"N", Type::kBool, false},        {"no", Type::kBool, false},
    {"No", Type::kBool, false},       {"NO", Type::kBool, false},
    {"false", Type::kBool, false},    {"False", Type::kBool, false},
    {"FALSE", Type::kBool, false},    {"off", Type::kBool, false},
    {"Off", Type::kBool, false},      {"OFF", Type::kBool, false},
    {"~", Type::kNull, false},        {"null", Type::kNull, false},
    {"Null", Type::kNull, false},     {"NULL", Type::kNull, false},
    {".nan", Type::kNotJson, false},  {".NaN", Type::kNotJson, false},
    {".NAN", Type::kNotJson, false},  {".inf", Type::kNotJson, false},
    {".Inf", Type::kNotJson, false},  {".INF", Type::kNotJson, false},
    {"+.inf", Type::kNotJson, false}, {"+.Inf", Type::kNotJson, false},
    {"+.INF", Type::kNotJson, false}, {"-.inf", Type::kNotJson, false},
    {"-.Inf", Type::kNotJson, false}, {"-.INF", Type::kNotJson, false},
}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DigitValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// Go's strconv.ParseUint(text, 0, 64) without a sign: false on bad digits or overflow.
bool ParseUnsigned(std::string_view text, uint64_t* out) {
  int base = 10;
  if (text.size() > 1 && text[0] == '0') {
    const char prefix = text[1];
    if (prefix == 'x' || prefix == 'X') {
      base = 16, text.remove_prefix(2);
    } else if (prefix == 'o' || prefix == 'O') {
      base = 8, text.remove_prefix(2);
    } else if (prefix == 'b' || prefix == 'B') {
      base = 2, text.remove_prefix(2);
    } else {
      base = 8, text.remove_prefix(1);
    }
  }
  if (text.empty()) return false;

  uint64_t value = 0;
  for (char c : text) {
    const int digit = DigitValue(c);
    if (digit >= base) return false;
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / base) return false;
    value = value * base + digit;
  }
  *out = value;
  return true;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool LooksLikeFloat(std::string_view text) {
  size_t i = 0;
  const auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    return i > start;
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  } else {
    if (!digits()) return false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

PlainScalar Number(std::string_view text) {
  PlainScalar scalar;
  std::string plain;
  plain.reserve(text.size());
  for (char c : text) {
    if (c != '_') plain += c;
  }

  std::string_view digits = plain;
  const bool negative = digits.starts_with('-');
  if (negative || digits.starts_with('+')) digits.remove_prefix(1);
  uint64_t magnitude = 0;
  if (ParseUnsigned(digits, &magnitude)) {
    constexpr uint64_t kMaxInt = std::numeric_limits<int64_t>::max();
    if (negative && magnitude <= kMaxInt + 1) {
      scalar.type = Type::kInt;
      scalar.integer = magnitude == kMaxInt + 1 ? std::numeric_limits<int64_t>::min()
                                                : -static_cast<int64_t>(magnitude);
      return scalar;
    }
    if (!negative && magnitude <= kMaxInt) {
      scalar.type = Type::kInt;
      scalar.integer = static_cast<int64_t>(magnitude);
      return scalar;
    }
    if (!negative && !plain.starts_with('+')) {
      scalar.type = Type::kUint;
      scalar.unsigned_integer = magnitude;
      return scalar;
    }
  }

  if (LooksLikeFloat(plain)) {
    errno = 0;
    scalar.number = std::strtod(plain.c_str(), nullptr);
    // Go's ParseFloat fails on overflow, so such a scalar stays a string there too.
    scalar.type = errno == ERANGE && std::abs(scalar.number) > 1 ? Type::kString : Type::kFloat;
  }
  return scalar;
}

// The first characters of keywords, numbers and floats; most keys and values start otherwise.
constexpr std::array<bool, 256> kCanStartNonString = [] {
  std::array<bool, 256> table{};
  for (char c : std::string_view("yYnNtTfFoO~.-+0123456789")) {
    table[static_cast<unsigned char>(c)] = true;
  }
  return table;
}();

// For each first character, the keywords (bits of kKeywords' indexes) that start with it: a
// name like "type" is then compared with the three keywords starting with 't', not all 38.
constexpr std::array<uint64_t, 256> kKeywordsByFirst = [] {
  static_assert(kKeywords.size() <= 64);
  std::array<uint64_t, 256> table{};
  for (size_t i = 0; i < kKeywords.size(); ++i) {
    table[static_cast<unsigned char>(kKeywords[i].text[0])] |= uint64_t{1} << i;
  }
  return table;
}();

}  // namespace

PlainScalar ResolvePlainScalar(std::string_view text) {
  PlainScalar scalar;
  if (text.empty()) {
    scalar.type = Type::kNull;
    return scalar;
  }
  const char first = text[0];
  if (!kCanStartNonString[static_cast<unsigned char>(first)]) return scalar;

  // No keyword is longer than five characters ("false", "+.inf"); most names are.
  if (text.size() <= 5) {
    for (uint64_t candidates = kKeywordsByFirst[static_cast<unsigned char>(first)]; candidates != 0;
         candidates &= candidates - 1) {
      const Keyword& keyword = kKeywords[std::countr_zero(candidates)];
      if (keyword.text != text) continue;
      scalar.type = keyword.type;
      scalar.boolean = keyword.value;
      return scalar;
    }
  }

  if (first == '.') {
    if (!LooksLikeFloat(text)) return scalar;
    scalar.type = Type::kFloat;
    scalar.number = std::strtod(std::string(text).c_str(), nullptr);
    return scalar;
  }
  if (!IsDigit(first) && first != '-' && first != '+') return scalar;
  return Number(text);
}

}  // namespace ccspm::manifest
