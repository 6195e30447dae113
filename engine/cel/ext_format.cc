// The string format extension: "pattern %s %d".format([args]), with the clauses %s, %d, %f,
// %e, %b, %o, %x, %X, an optional precision (%.3f) and %% for a literal percent sign.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"
#include "engine/cel/time_util.h"

namespace ccspm::cel {

namespace {

std::string FormatError(const std::string& message) {
  return "error during formatting: " + message;
}

std::string TypeName(const Value& v) { return std::string(KindTypeName(v.kind())); }

// Text of a double as %s and friends show it: NaN, Infinity, -Infinity, else shortest form.
std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return FormatDouble(d);
}

bool StringClause(const Value& v, std::string* out, std::string* error) {
  switch (v.kind()) {
    case Kind::kNull:
      *out += "null";
      return true;
    case Kind::kBool:
      *out += v.bool_value() ? "true" : "false";
      return true;
    case Kind::kInt:
      *out += std::to_string(v.int_value());
      return true;
    case Kind::kUint:
      *out += std::to_string(v.uint_value());
      return true;
    case Kind::kDouble:
      *out += DoubleText(v.double_value());
      return true;
    case Kind::kString:
    case Kind::kBytes:
    case Kind::kType:
      *out += v.text();
      return true;
    case Kind::kTimestamp:
      *out += FormatTimestamp(v.seconds(), v.nanos());
      return true;
    case Kind::kDuration:
      *out += FormatDuration(v.seconds(), v.nanos());
      return true;
    case Kind::kList: {
      *out += "[";
      for (size_t i = 0; i < v.list_size(); ++i) {
        if (i > 0) *out += ", ";
        if (!StringClause(v.list_at(i), out, error)) return false;
      }
      *out += "]";
      return true;
    }
    case Kind::kMap: {
      std::vector<std::pair<std::string, std::string>> entries;
      for (size_t i = 0; i < v.map_size(); ++i) {
        std::string key, value;
        if (!StringClause(v.map_key_at(i), &key, error)) return false;
        if (!StringClause(v.map_value_at(i), &value, error)) return false;
        entries.emplace_back(std::move(key), std::move(value));
      }
      std::sort(entries.begin(), entries.end());
      *out += "{";
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) *out += ", ";
        *out += entries[i].first + ": " + entries[i].second;
      }
      *out += "}";
      return true;
    }
    default:
      if (v.kind() >= Kind::kIP && v.kind() <= Kind::kFormat) {
        *out += v.opaque()->ToString();
        return true;
      }
      *error = FormatError(
          "string clause can only be used on strings, bools, bytes, ints, "
          "doubles, maps, lists, types, durations, and timestamps, was given " +
          TypeName(v));
      return false;
  }
}

bool NonFinite(const Value& v, std::string* out) {
  if (v.kind() != Kind::kDouble || std::isfinite(v.double_value())) return false;
  *out += DoubleText(v.double_value());
  return true;
}

std::string UnsignedInBase(uint64_t value, int base, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (value == 0) return "0";
  std::string out;
  while (value > 0) {
    out.push_back(digits[value % base]);
    value /= base;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// %b, %o, %x, %X over integers (and bools for %b, strings and bytes for %x).
bool IntegerClause(char clause, const Value& v, std::string* out, std::string* error) {
  const int base = clause == 'b' ? 2 : clause == 'o' ? 8 : 16;
  const bool upper = clause == 'X';
  if ((clause == 'x' || clause == 'X') && (v.kind() == Kind::kString || v.kind() == Kind::kBytes)) {
    for (unsigned char c : v.text())
      *out += UnsignedInBase(c >> 4, 16, upper) + UnsignedInBase(c & 15, 16, upper);
    return true;
  }
  if (clause == 'b' && v.kind() == Kind::kBool) {
    *out += v.bool_value() ? "1" : "0";
    return true;
  }
  if (v.kind() == Kind::kInt) {
    const int64_t i = v.int_value();
    if (i < 0) *out += "-";
    *out += UnsignedInBase(i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i), base,
                           upper);
    return true;
  }
  if (v.kind() == Kind::kUint) {
    *out += UnsignedInBase(v.uint_value(), base, upper);
    return true;
  }
  if (clause == 'b') {
    *error =
        FormatError("only integers and bools can be formatted as binary, was given " + TypeName(v));
  } else if (clause == 'o') {
    *error = FormatError("octal clause can only be used on integers, was given " + TypeName(v));
  } else {
    *error = FormatError(
        "only integers, byte buffers, and strings can be formatted as hex, "
        "was given " +
        TypeName(v));
  }
  return false;
}

bool FloatClause(char clause, int precision, const Value& v, std::string* out, std::string* error) {
  if (NonFinite(v, out)) return true;
  double d = 0;
  if (v.kind() == Kind::kDouble) {
    d = v.double_value();
  } else if (v.kind() == Kind::kInt) {
    d = static_cast<double>(v.int_value());
  } else if (v.kind() == Kind::kUint) {
    d = static_cast<double>(v.uint_value());
  } else {
    *error = FormatError(std::string(clause == 'f' ? "fixed-point" : "scientific") +
                         " clause can only be used on doubles, was given " + TypeName(v));
    return false;
  }
  char buffer[512];
  const char format[] = {'%', '.', '*', clause, '\0'};
  std::snprintf(buffer, sizeof(buffer), format, precision, d);
  *out += buffer;
  return true;
}

bool Clause(char clause, int precision, const Value& v, std::string* out, std::string* error) {
  switch (clause) {
    case 's':
      return StringClause(v, out, error);
    case 'd':
      if (NonFinite(v, out)) return true;
      if (v.kind() == Kind::kInt) {
        *out += std::to_string(v.int_value());
        return true;
      }
      if (v.kind() == Kind::kUint) {
        *out += std::to_string(v.uint_value());
        return true;
      }
      *error = FormatError("decimal clause can only be used on integers, was given " + TypeName(v));
      return false;
    case 'f':
    case 'e':
      return FloatClause(clause, precision, v, out, error);
    default:
      return IntegerClause(clause, v, out, error);
  }
}

Value Format(CallContext& context, std::span<const Value> args) {
  const std::string_view pattern = args[0].text();
  const Value& list = args[1];
  std::string out;
  size_t next_arg = 0;

  for (size_t pos = 0; pos < pattern.size(); ++pos) {
    if (pattern[pos] != '%') {
      out.push_back(pattern[pos]);
      continue;
    }
    if (++pos >= pattern.size()) return Value::Error("format: unterminated formatting clause");
    if (pattern[pos] == '%') {
      out.push_back('%');
      continue;
    }

    int precision = 6;
    if (pattern[pos] == '.') {
      precision = 0;
      while (++pos < pattern.size() && pattern[pos] >= '0' && pattern[pos] <= '9') {
        precision = std::min(precision * 10 + (pattern[pos] - '0'), 100);
      }
      if (pos >= pattern.size()) return Value::Error("format: unterminated formatting clause");
    }
    const char clause = pattern[pos];
    if (std::string_view("sdfeboxX").find(clause) == std::string_view::npos) {
      return Value::Error(std::string("could not parse formatting clause: unrecognized "
                                      "formatting clause \"") +
                          clause + "\"");
    }
    if (next_arg >= list.list_size()) {
      return Value::Error("index " + std::to_string(next_arg) + " out of range");
    }
    std::string error;
    if (!Clause(clause, precision, list.list_at(next_arg++), &out, &error)) {
      return Value::Error(error);
    }
  }
  AddTextCost(context, out.size());
  return Value::String(std::move(out));
}

}  // namespace

void RegisterExtFormat(FunctionRegistry& r) {
  r.Add("format", {Kind::kString, Kind::kList}, true, Format);
}

}  // namespace ccspm::cel
