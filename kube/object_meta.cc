#include "kube/object_meta.h"

namespace ccspm::kube {
namespace {

std::string_view MetadataString(const JsonValue& object, std::string_view key) {
  const JsonValue* metadata = FindMember(object, "metadata");
  return metadata == nullptr ? std::string_view() : StringMember(*metadata, key);
}

}  // namespace

std::string_view ObjectName(const JsonValue& object) { return MetadataString(object, "name"); }

std::string_view ObjectNamespace(const JsonValue& object) {
  return MetadataString(object, "namespace");
}

std::string_view ObjectResourceVersion(const JsonValue& object) {
  return MetadataString(object, "resourceVersion");
}

std::string_view ObjectUid(const JsonValue& object) { return MetadataString(object, "uid"); }

std::string ObjectKey(std::string_view ns, std::string_view name) {
  if (ns.empty()) return std::string(name);
  std::string key;
  key.reserve(ns.size() + 1 + name.size());
  key.append(ns).append("/").append(name);
  return key;
}

std::string ObjectKey(const JsonValue& object) {
  return ObjectKey(ObjectNamespace(object), ObjectName(object));
}

}  // namespace ccspm::kube
