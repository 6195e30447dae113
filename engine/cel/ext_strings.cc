// The strings extension library: charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace,
// split, substring, trim, join, reverse and strings.quote. Indices count code points.
#include <algorithm>

#include "engine/cel/lib_util.h"
#include "engine/cel/libraries.h"
#include "engine/cel/utf8.h"

namespace ccspm::cel {

namespace {

std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) out.push_back(DecodeUtf8(text, &pos));
  return out;
}

std::string Encode(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t c : code_points) AppendUtf8(c, &out);
  return out;
}

Value OutOfRange(int64_t index) {
  return Value::Error("index out of range: " + std::to_string(index));
}

Value CharAt(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  const std::u32string text = Decode(args[0].text());
  const int64_t index = args[1].int_value();
  if (index < 0 || index > static_cast<int64_t>(text.size())) return OutOfRange(index);
  return Value::String(Encode(std::u32string_view(text).substr(index, 1)));
}

Value IndexOf(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  const std::u32string text = Decode(args[0].text());
  const std::u32string needle = Decode(args[1].text());
  const int64_t start = args.size() > 2 ? args[2].int_value() : 0;
  if (start < 0 || start > static_cast<int64_t>(text.size())) return OutOfRange(start);
  const size_t found = text.find(needle, static_cast<size_t>(start));
  return Value::Int(found == std::u32string::npos ? -1 : static_cast<int64_t>(found));
}

Value LastIndexOf(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  const std::u32string text = Decode(args[0].text());
  const std::u32string needle = Decode(args[1].text());
  const int64_t start = args.size() > 2 ? args[2].int_value() : static_cast<int64_t>(text.size());
  if (start < 0 || start > static_cast<int64_t>(text.size())) return OutOfRange(start);
  const size_t found = text.rfind(needle, static_cast<size_t>(start));
  return Value::Int(found == std::u32string::npos ? -1 : static_cast<int64_t>(found));
}

template <bool kUpper>
Value AsciiCase(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  std::string out(args[0].text());
  for (char& c : out) {
    if (kUpper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!kUpper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Value::String(std::move(out));
}

Value Replace(CallContext& context, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  const std::string_view from = args[1].text();
  const std::string_view to = args[2].text();
  int64_t limit = args.size() > 3 ? args[3].int_value() : -1;
  AddTextCost(context, text.size());

  std::string out;
  size_t pos = 0;
  while (limit != 0) {
    size_t found = text.find(from, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos)).append(to);
    if (from.empty()) {
      // An empty pattern matches before every code point.
      if (found >= text.size()) {
        pos = text.size() + 1;
        break;
      }
      size_t next = found;
      DecodeUtf8(text, &next);
      out.append(text.substr(found, next - found));
      pos = next;
    } else {
      pos = found + from.size();
    }
    if (limit > 0) --limit;
  }
  if (pos <= text.size()) out.append(text.substr(pos));
  return Value::String(std::move(out));
}

Value Split(CallContext& context, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  const std::string_view separator = args[1].text();
  const int64_t limit = args.size() > 2 ? args[2].int_value() : -1;
  AddTextCost(context, text.size());

  std::vector<Value> parts;
  if (limit == 0) return Value::List(std::move(parts));
  if (separator.empty()) {
    size_t pos = 0;
    while (pos < text.size()) {
      if (limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1) {
        parts.push_back(Value::String(std::string(text.substr(pos))));
        return Value::List(std::move(parts));
      }
      const size_t start = pos;
      DecodeUtf8(text, &pos);
      parts.push_back(Value::String(std::string(text.substr(start, pos - start))));
    }
    return Value::List(std::move(parts));
  }
  size_t pos = 0;
  while (true) {
    const size_t found = text.find(separator, pos);
    const bool last = limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1;
    if (found == std::string_view::npos || last) {
      parts.push_back(Value::String(std::string(text.substr(pos))));
      break;
    }
    parts.push_back(Value::String(std::string(text.substr(pos, found - pos))));
    pos = found + separator.size();
  }
  return Value::List(std::move(parts));
}

Value Substring(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  const std::u32string text = Decode(args[0].text());
  const int64_t size = static_cast<int64_t>(text.size());
  const int64_t start = args[1].int_value();
  const int64_t end = args.size() > 2 ? args[2].int_value() : size;
  if (start < 0 || start > size) return OutOfRange(start);
  if (end < 0 || end > size) return OutOfRange(end);
  if (start > end) {
    return Value::Error("invalid substring range. start: " + std::to_string(start) +
                        ", end: " + std::to_string(end));
  }
  return Value::String(Encode(std::u32string_view(text).substr(start, end - start)));
}

bool IsUnicodeSpace(char32_t c) {
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

Value Trim(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  const std::u32string text = Decode(args[0].text());
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsUnicodeSpace(text[begin])) ++begin;
  while (end > begin && IsUnicodeSpace(text[end - 1])) --end;
  return Value::String(Encode(std::u32string_view(text).substr(begin, end - begin)));
}

Value Join(CallContext& context, std::span<const Value> args) {
  const Value& list = args[0];
  const std::string_view separator = args.size() > 1 ? args[1].text() : std::string_view();
  std::string out;
  for (size_t i = 0; i < list.list_size(); ++i) {
    const Value item = list.list_at(i);
    if (item.kind() != Kind::kString) return NoSuchOverload("join (list elements must be strings)");
    if (i > 0) out.append(separator);
    out.append(item.text());
  }
  AddTextCost(context, out.size());
  return Value::String(std::move(out));
}

Value Reverse(CallContext& context, std::span<const Value> args) {
  AddTextCost(context, args[0].text().size());
  std::u32string text = Decode(args[0].text());
  std::reverse(text.begin(), text.end());
  return Value::String(Encode(text));
}

Value Quote(CallContext& context, std::span<const Value> args) {
  const std::string_view text = args[0].text();
  AddTextCost(context, text.size());
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = DecodeUtf8(text, &pos);
    switch (c) {
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      default:
        AppendUtf8(c, &out);
    }
  }
  out += "\"";
  return Value::String(std::move(out));
}

}  // namespace

void RegisterExtStrings(FunctionRegistry& r) {
  const Kind s = Kind::kString;
  const Kind i = Kind::kInt;
  r.Add("charAt", {s, i}, true, CharAt);
  r.Add("indexOf", {s, s}, true, IndexOf);
  r.Add("indexOf", {s, s, i}, true, IndexOf);
  r.Add("lastIndexOf", {s, s}, true, LastIndexOf);
  r.Add("lastIndexOf", {s, s, i}, true, LastIndexOf);
  r.Add("lowerAscii", {s}, true, AsciiCase<false>);
  r.Add("upperAscii", {s}, true, AsciiCase<true>);
  r.Add("replace", {s, s, s}, true, Replace);
  r.Add("replace", {s, s, s, i}, true, Replace);
  r.Add("split", {s, s}, true, Split);
  r.Add("split", {s, s, i}, true, Split);
  r.Add("substring", {s, i}, true, Substring);
  r.Add("substring", {s, i, i}, true, Substring);
  r.Add("trim", {s}, true, Trim);
  r.Add("join", {Kind::kList}, true, Join);
  r.Add("join", {Kind::kList, s}, true, Join);
  r.Add("reverse", {s}, true, Reverse);
  r.Add("strings.quote", {s}, false, Quote);
}

}  // namespace ccspm::cel
