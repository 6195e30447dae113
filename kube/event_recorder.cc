#include "kube/event_recorder.h"

#include "kube/object_meta.h"

namespace ccspm::kube {

std::string_view EventTypeName(EventType type) {
  return type == EventType::kWarning ? "Warning" : "Normal";
}

ObjectReference ReferenceTo(const JsonValue& object) {
  ObjectReference ref;
  ref.api_version = std::string(StringMember(object, "apiVersion"));
  ref.kind = std::string(StringMember(object, "kind"));
  ref.namespace_name = std::string(ObjectNamespace(object));
  ref.name = std::string(ObjectName(object));
  ref.uid = std::string(ObjectUid(object));
  ref.resource_version = std::string(ObjectResourceVersion(object));
  return ref;
}

}  // namespace ccspm::kube
