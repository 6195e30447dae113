// Helpers of FakeClient: JSON editing and filters. Not for use outside the fake.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/json.h"
#include "base/status.h"
#include "kube/label_selector.h"
#include "kube/resource.h"

namespace ccspm::kube::fake {

// "group/resource": how the fake files objects.
std::string TypeKey(const ResourceType& type);

JsonDocument Copy(const JsonValue& value);

// The API server's message for a missing object: `configmaps "x" not found`.
Status NotFound(const ResourceType& type, std::string_view name);

// Member `key` of the root object, made an empty object first when absent or not an object.
JsonValue& EnsureObjectMember(JsonDocument& document, const char* key);

void SetString(JsonValue& object, std::string_view key, std::string_view value,
               JsonDocument::AllocatorType& allocator);
void SetInt(JsonValue& object, std::string_view key, int64_t value,
            JsonDocument::AllocatorType& allocator);

// Makes member `key` of `to` a copy of that of `from`, or removes it when `from` has none.
void CopyMember(const JsonValue& from, std::string_view key, JsonDocument& to);

// Restores what clients may not change: metadata uid, creationTimestamp, resourceVersion and
// generation of `to` become those of `from`.
void CopyServerMetadata(const JsonValue& from, JsonDocument& to);

// Whether anything but metadata and status differs: what bumps metadata.generation.
bool SpecChanged(const JsonValue& before, const JsonValue& after);

// Five characters for generateName, like the API server's.
std::string GeneratedSuffix(uint64_t n);
std::string Uid(uint64_t n);

// Namespace, label selector and the equality field selectors the fake supports.
class Filter {
 public:
  static Result<Filter> Parse(std::string_view ns, std::string_view label_selector,
                              std::string_view field_selector);
  bool Matches(const JsonValue& object) const;

 private:
  struct Field {
    std::string path;  // "metadata.name" or "metadata.namespace".
    std::string value;
    bool equal;
  };

  std::string namespace_name_;
  LabelSelector labels_;
  std::vector<Field> fields_;
};

}  // namespace ccspm::kube::fake
