// The Kubernetes quantity library: quantity(), isQuantity(), sign(), isInteger(), asInteger(),
// asApproximateFloat(), add(), sub(), isLessThan(), isGreaterThan(), compareTo().
//
// A quantity is held exactly as mantissa * 10^scale in 128-bit integers, so "1Gi", "0.5",
// "100m" and "1e3" compare and add without rounding.
// Limitation: a quantity whose mantissa needs more than 36 digits is rejected because the
// mantissa is a 128-bit integer (Kubernetes itself allows arbitrary precision there).
// Limitation: string() of a computed quantity is plain decimal ("1073741824"), not the API
// server's canonical suffix form ("1Gi"), because canonicalization rules are not reproduced.
#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/cel/libraries.h"

namespace ccspm::cel {

namespace {

__extension__ typedef __int128 Int128;

constexpr Int128 kMaxMantissa = static_cast<Int128>(1) << 120;

struct Quantity {
  Int128 mantissa = 0;
  int scale = 0;  // value = mantissa * 10^scale
  std::string text;
};

class QuantityObject : public OpaqueObject {
 public:
  explicit QuantityObject(Quantity q) : quantity(std::move(q)) {}
  bool Equals(const OpaqueObject& other) const override;
  std::string ToString() const override { return quantity.text; }
  Quantity quantity;
};

bool MultiplyChecked(Int128 a, Int128 b, Int128* out) {
  if (__builtin_mul_overflow(a, b, out)) return false;
  return *out <= kMaxMantissa && *out >= -kMaxMantissa;
}

// Brings both to the smaller scale; false when that overflows.
bool Align(const Quantity& a, const Quantity& b, Int128* x, Int128* y, int* scale) {
  *x = a.mantissa;
  *y = b.mantissa;
  *scale = std::min(a.scale, b.scale);
  for (int s = a.scale; s > *scale; --s) {
    if (!MultiplyChecked(*x, 10, x)) return false;
  }
  for (int s = b.scale; s > *scale; --s) {
    if (!MultiplyChecked(*y, 10, y)) return false;
  }
  return true;
}

long double Approximate(const Quantity& q) {
  return static_cast<long double>(q.mantissa) * std::pow(10.0L, q.scale);
}

int Compare(const Quantity& a, const Quantity& b) {
  Int128 x, y;
  int scale;
  if (Align(a, b, &x, &y, &scale)) return (x > y) - (x < y);
  const long double p = Approximate(a), q = Approximate(b);
  return (p > q) - (p < q);
}

bool QuantityObject::Equals(const OpaqueObject& other) const {
  return Compare(quantity, static_cast<const QuantityObject&>(other).quantity) == 0;
}

std::string FormatInt128(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string out;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    out.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (negative) out.push_back('-');
  std::reverse(out.begin(), out.end());
  return out;
}

// Plain decimal text of mantissa * 10^scale.
std::string DecimalText(Int128 mantissa, int scale) {
  while (scale < 0 && mantissa % 10 == 0 && mantissa != 0) {
    mantissa /= 10;
    ++scale;
  }
  const std::string digits = FormatInt128(mantissa < 0 ? -mantissa : mantissa);
  std::string out;
  if (mantissa < 0) out.push_back('-');
  if (scale >= 0) {
    out.append(digits);
    out.append(static_cast<size_t>(scale), '0');
    return out;
  }
  const size_t point = static_cast<size_t>(-scale);
  if (digits.size() <= point) {
    out.append("0.");
    out.append(point - digits.size(), '0');
    out.append(digits);
    return out;
  }
  const size_t whole = digits.size() - point;
  out.append(digits, 0, whole);
  out.push_back('.');
  out.append(digits, whole, point);
  return out;
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  Quantity q;
  q.text = std::string(text);
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';

  int digits = 0;
  int fraction_digits = 0;
  bool in_fraction = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    if (++digits > 36) return std::nullopt;
    q.mantissa = q.mantissa * 10 + (c - '0');
    if (in_fraction) ++fraction_digits;
  }
  if (digits == 0) return std::nullopt;
  q.scale = -fraction_digits;

  const std::string_view suffix = text.substr(pos);
  static constexpr std::pair<std::string_view, int> kBinary[] = {
      {"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
  static constexpr std::pair<std::string_view, int> kDecimal[] = {
      {"n", -9}, {"u", -6}, {"m", -3}, {"", 0},   {"k", 3},
      {"M", 6},  {"G", 9},  {"T", 12}, {"P", 15}, {"E", 18}};
  bool matched = false;
  for (const auto& [name, shift] : kBinary) {
    if (suffix != name) continue;
    if (!MultiplyChecked(q.mantissa, static_cast<Int128>(1) << shift, &q.mantissa)) {
      return std::nullopt;
    }
    matched = true;
  }
  for (const auto& [name, exponent] : kDecimal) {
    if (suffix != name) continue;
    q.scale += exponent;
    matched = true;
  }
  if (!matched && suffix.size() > 1 && (suffix[0] == 'e' || suffix[0] == 'E')) {
    int exponent = 0;
    size_t i = 1;
    const bool exp_negative = suffix[i] == '-';
    if (suffix[i] == '-' || suffix[i] == '+') ++i;
    if (i >= suffix.size()) return std::nullopt;
    for (; i < suffix.size(); ++i) {
      if (suffix[i] < '0' || suffix[i] > '9' || exponent > 1000) return std::nullopt;
      exponent = exponent * 10 + (suffix[i] - '0');
    }
    q.scale += exp_negative ? -exponent : exponent;
    matched = true;
  }
  if (!matched) return std::nullopt;
  if (negative) q.mantissa = -q.mantissa;
  return q;
}

const Quantity& Q(const Value& v) {
  return static_cast<const QuantityObject*>(v.opaque())->quantity;
}

Value MakeQuantity(Quantity q) {
  return Value::Opaque(Kind::kQuantity, new QuantityObject(std::move(q)));
}

Value Parse(CallContext&, std::span<const Value> a) {
  std::optional<Quantity> q = ParseQuantity(a[0].text());
  if (!q)
    return Value::Error(
        "quantities must match the regular expression "
        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': '" +
        std::string(a[0].text()) + "'");
  return MakeQuantity(std::move(*q));
}

Value IsQuantity(CallContext&, std::span<const Value> a) {
  return Value::Bool(ParseQuantity(a[0].text()).has_value());
}

Value Sign(CallContext&, std::span<const Value> a) {
  const Int128 m = Q(a[0]).mantissa;
  return Value::Int((m > 0) - (m < 0));
}

// The integer value when the quantity is integral and fits int64.
std::optional<int64_t> AsInt64(const Quantity& q) {
  Int128 m = q.mantissa;
  for (int s = q.scale; s < 0; ++s) {
    if (m % 10 != 0) return std::nullopt;
    m /= 10;
  }
  for (int s = q.scale; s > 0; --s) {
    if (!MultiplyChecked(m, 10, &m)) return std::nullopt;
  }
  if (m > INT64_MAX || m < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(m);
}

Value IsInteger(CallContext&, std::span<const Value> a) {
  return Value::Bool(AsInt64(Q(a[0])).has_value());
}

Value AsInteger(CallContext&, std::span<const Value> a) {
  std::optional<int64_t> i = AsInt64(Q(a[0]));
  if (!i) return Value::Error("cannot convert value to integer: '" + Q(a[0]).text + "'");
  return Value::Int(*i);
}

Value AsFloat(CallContext&, std::span<const Value> a) {
  return Value::Double(static_cast<double>(Approximate(Q(a[0]))));
}

template <bool kAdd>
Value Arith(CallContext&, std::span<const Value> a) {
  Quantity other;
  if (a[1].kind() == Kind::kInt) {
    other.mantissa = a[1].int_value();
  } else {
    other = Q(a[1]);
  }
  Int128 x, y;
  Quantity result;
  if (!Align(Q(a[0]), other, &x, &y, &result.scale)) return Value::Error("quantity overflow");
  result.mantissa = kAdd ? x + y : x - y;
  if (result.mantissa > kMaxMantissa || result.mantissa < -kMaxMantissa) {
    return Value::Error("quantity overflow");
  }
  result.text = DecimalText(result.mantissa, result.scale);
  return MakeQuantity(std::move(result));
}

Value IsLessThan(CallContext&, std::span<const Value> a) {
  return Value::Bool(Compare(Q(a[0]), Q(a[1])) < 0);
}
Value IsGreaterThan(CallContext&, std::span<const Value> a) {
  return Value::Bool(Compare(Q(a[0]), Q(a[1])) > 0);
}
Value CompareTo(CallContext&, std::span<const Value> a) {
  return Value::Int(Compare(Q(a[0]), Q(a[1])));
}

}  // namespace

void RegisterK8sQuantity(FunctionRegistry& r) {
  const Kind q = Kind::kQuantity;
  r.Add("quantity", {Kind::kString}, false, Parse);
  r.Add("isQuantity", {Kind::kString}, false, IsQuantity);
  r.Add("sign", {q}, true, Sign);
  r.Add("isInteger", {q}, true, IsInteger);
  r.Add("asInteger", {q}, true, AsInteger);
  r.Add("asApproximateFloat", {q}, true, AsFloat);
  r.Add("add", {q, q}, true, Arith<true>);
  r.Add("add", {q, Kind::kInt}, true, Arith<true>);
  r.Add("sub", {q, q}, true, Arith<false>);
  r.Add("sub", {q, Kind::kInt}, true, Arith<false>);
  r.Add("isLessThan", {q, q}, true, IsLessThan);
  r.Add("isGreaterThan", {q, q}, true, IsGreaterThan);
  r.Add("compareTo", {q, q}, true, CompareTo);
}

}  // namespace ccspm::cel
