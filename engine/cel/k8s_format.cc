// The Kubernetes format library: format.<name>() and format.named(name) return a named format;
// <format>.validate(text) returns optional.none() when text is valid, else an optional list of
// the reasons, as Kubernetes' own validators word them.
#include <array>
#include <memory>

#include "engine/cel/libraries.h"
#include "engine/cel/regex.h"

namespace ccspm::cel {

namespace {

struct FormatSpec {
  std::string_view name;
  std::string_view pattern;  // Anchored by the validator.
  size_t max_length;         // 0: no limit.
  std::string_view description;
};

constexpr std::array<FormatSpec, 13> kFormats = {{
    {"dns1123Label", "[a-z0-9]([-a-z0-9]*[a-z0-9])?", 63,
     "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
     "must start and end with an alphanumeric character"},
    {"dns1123Subdomain", "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", 253,
     "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
     "'.', and must start and end with an alphanumeric character"},
    {"dns1035Label", "[a-z]([-a-z0-9]*[a-z0-9])?", 63,
     "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
     "alphabetic character, and end with an alphanumeric character"},
    {"qualifiedName",
     "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
     "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]",
     316,
     "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start "
     "and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'"},
    {"dns1123LabelPrefix", "[a-z0-9]([-a-z0-9]*)?", 63,
     "a lowercase RFC 1123 label prefix must consist of lower case alphanumeric characters or "
     "'-', and must start with an alphanumeric character"},
    {"dns1123SubdomainPrefix", "[a-z0-9]([-a-z0-9.]*)?", 253,
     "a lowercase RFC 1123 subdomain prefix must consist of lower case alphanumeric characters, "
     "'-' or '.', and must start with an alphanumeric character"},
    {"dns1035LabelPrefix", "[a-z]([-a-z0-9]*)?", 63,
     "a DNS-1035 label prefix must consist of lower case alphanumeric characters or '-', and "
     "start with an alphabetic character"},
    {"labelValue", "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", 63,
     "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
     "'.', and must start and end with an alphanumeric character"},
    {"uri", "[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]*|/[^\\s]*", 0, "must be a valid URI"},
    {"uuid", "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", 0,
     "must be a valid UUID"},
    {"byte", "([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", 0,
     "must be a valid base64 string"},
    {"date", "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", 0,
     "must be a valid RFC 3339 full-date"},
    {"datetime",
     "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:"
     "([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])",
     0, "must be a valid RFC 3339 date-time"},
}};

class FormatObject : public OpaqueObject {
 public:
  explicit FormatObject(const FormatSpec* s) : spec(s) {}
  bool Equals(const OpaqueObject& other) const override {
    return spec == static_cast<const FormatObject&>(other).spec;
  }
  std::string ToString() const override { return std::string(spec->name); }
  const FormatSpec* spec;
};

Value MakeFormat(const FormatSpec& spec) {
  return Value::Opaque(Kind::kFormat, new FormatObject(&spec));
}

template <size_t kIndex>
Value Named(CallContext&, std::span<const Value>) {
  return MakeFormat(kFormats[kIndex]);
}

Value ByName(CallContext&, std::span<const Value> a) {
  for (const FormatSpec& spec : kFormats) {
    if (spec.name == a[0].text()) return Value::Optional(MakeFormat(spec));
  }
  return Value::OptionalNone();
}

Value Validate(CallContext& context, std::span<const Value> a) {
  const FormatSpec& spec = *static_cast<const FormatObject*>(a[0].opaque())->spec;
  const std::string_view text = a[1].text();
  if (context.cost != nullptr) context.cost->Add(text.size() / 10 + 1);

  std::vector<Value> reasons;
  if (spec.max_length > 0 && text.size() > spec.max_length) {
    reasons.push_back(
        Value::String("must be no more than " + std::to_string(spec.max_length) + " characters"));
  }
  std::string error;
  std::shared_ptr<const RE2> regex = CompileRegex(spec.pattern, &error);
  if (regex == nullptr) return Value::Error(error);
  if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *regex)) {
    reasons.push_back(Value::String(std::string(spec.description) +
                                    " (regex used for validation is '" + std::string(spec.pattern) +
                                    "')"));
  }
  if (reasons.empty()) return Value::OptionalNone();
  return Value::Optional(Value::List(std::move(reasons)));
}

template <size_t... kIndices>
void AddNamed(FunctionRegistry& r, std::index_sequence<kIndices...>) {
  (r.Add("format." + std::string(kFormats[kIndices].name), {}, false, Named<kIndices>), ...);
}

}  // namespace

void RegisterK8sFormat(FunctionRegistry& r) {
  AddNamed(r, std::make_index_sequence<kFormats.size()>());
  r.Add("format.named", {Kind::kString}, false, ByName);
  r.Add("validate", {Kind::kFormat, Kind::kString}, true, Validate);
}

}  // namespace ccspm::cel
