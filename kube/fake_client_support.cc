#include "kube/fake_client_support.h"

#include <cstdio>
#include <set>

#include "kube/object_meta.h"

namespace ccspm::kube::fake {
namespace {

constexpr std::string_view kServerMetadata[] = {"uid", "creationTimestamp", "resourceVersion",
                                                "generation"};

void CopyMemberValue(const JsonValue* source, std::string_view key, JsonValue& target,
                     JsonDocument::AllocatorType& allocator) {
  if (source == nullptr) {
    if (target.IsObject()) target.EraseMember(StringValue(key, allocator));
    return;
  }
  if (!target.IsObject()) target.SetObject();
  if (JsonValue* existing = FindMember(target, key)) {
    existing->CopyFrom(*source, allocator);
  } else {
    target.AddMember(StringValue(key, allocator), JsonValue(*source, allocator), allocator);
  }
}

}  // namespace

std::string TypeKey(const ResourceType& type) { return type.group + "/" + type.resource; }

JsonDocument Copy(const JsonValue& value) {
  JsonDocument copy;
  copy.CopyFrom(value, copy.GetAllocator());
  return copy;
}

Status NotFound(const ResourceType& type, std::string_view name) {
  return NotFoundError(type.resource + " \"" + std::string(name) + "\" not found");
}

JsonValue& EnsureObjectMember(JsonDocument& document, const char* key) {
  if (!document.IsObject()) document.SetObject();
  JsonValue* member = FindMember(document, key);
  if (member == nullptr) {
    document.AddMember(JsonValue(key, document.GetAllocator()), JsonValue(rapidjson::kObjectType),
                       document.GetAllocator());
    member = &(document.MemberEnd() - 1)->value;
  }
  if (!member->IsObject()) member->SetObject();
  return *member;
}

void SetString(JsonValue& object, std::string_view key, std::string_view value,
               JsonDocument::AllocatorType& allocator) {
  JsonValue text = StringValue(value, allocator);
  CopyMemberValue(&text, key, object, allocator);
}

void SetInt(JsonValue& object, std::string_view key, int64_t value,
            JsonDocument::AllocatorType& allocator) {
  JsonValue number(value);
  CopyMemberValue(&number, key, object, allocator);
}

void CopyMember(const JsonValue& from, std::string_view key, JsonDocument& to) {
  CopyMemberValue(FindMember(from, key), key, to, to.GetAllocator());
}

void CopyServerMetadata(const JsonValue& from, JsonDocument& to) {
  const JsonValue* source = FindMember(from, "metadata");
  JsonValue& target = EnsureObjectMember(to, "metadata");
  for (std::string_view key : kServerMetadata) {
    CopyMemberValue(source == nullptr ? nullptr : FindMember(*source, key), key, target,
                    to.GetAllocator());
  }
}

bool SpecChanged(const JsonValue& before, const JsonValue& after) {
  std::set<std::string_view> keys;
  for (const JsonValue* side : {&before, &after}) {
    if (!side->IsObject()) continue;
    for (const auto& member : side->GetObject()) keys.insert(AsStringView(member.name));
  }
  for (std::string_view key : keys) {
    if (key == "metadata" || key == "status") continue;
    const JsonValue* a = FindMember(before, key);
    const JsonValue* b = FindMember(after, key);
    if (a == nullptr || b == nullptr || *a != *b) return true;
  }
  return false;
}

std::string GeneratedSuffix(uint64_t n) {
  static constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  std::string suffix;
  for (int i = 0; i < 5; ++i) {
    suffix += kAlphabet[n % kAlphabet.size()];
    n /= kAlphabet.size();
  }
  return suffix;
}

std::string Uid(uint64_t n) {
  char text[48];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012llu",
                static_cast<unsigned long long>(n));
  return text;
}

Result<Filter> Filter::Parse(std::string_view ns, std::string_view label_selector,
                             std::string_view field_selector) {
  Filter filter;
  filter.namespace_name_ = std::string(ns);
  Result<LabelSelector> labels = LabelSelector::Parse(label_selector);
  if (!labels.ok()) return labels.status();
  filter.labels_ = std::move(labels).value();

  while (!field_selector.empty()) {
    size_t comma = field_selector.find(',');
    std::string_view term = field_selector.substr(0, comma);
    field_selector = comma == std::string_view::npos ? "" : field_selector.substr(comma + 1);

    size_t op = term.find_first_of("!=");
    if (op == std::string_view::npos) return InvalidError("bad field selector term");
    Field field{std::string(term.substr(0, op)), "", term[op] == '='};
    size_t value_at = term.find_first_not_of("!=", op);
    field.value = value_at == std::string_view::npos ? "" : std::string(term.substr(value_at));
    if (field.path != "metadata.name" && field.path != "metadata.namespace") {
      return InvalidError(
          "the fake supports field selectors on metadata.name and "
          "metadata.namespace only, not " +
          field.path);
    }
    filter.fields_.push_back(std::move(field));
  }
  return filter;
}

bool Filter::Matches(const JsonValue& object) const {
  if (!namespace_name_.empty() && ObjectNamespace(object) != namespace_name_) return false;
  if (!labels_.Matches(object)) return false;
  for (const Field& field : fields_) {
    std::string_view actual =
        field.path == "metadata.name" ? ObjectName(object) : ObjectNamespace(object);
    if ((actual == field.value) != field.equal) return false;
  }
  return true;
}

}  // namespace ccspm::kube::fake
