#include "kube/event_builder.h"

namespace ccspm::kube {
namespace {

void AddString(JsonValue& object, const char* key, std::string_view value,
               JsonDocument::AllocatorType& allocator) {
  if (value.empty()) return;
  object.AddMember(JsonValue(key, allocator), StringValue(value, allocator), allocator);
}

}  // namespace

std::string EventNamespace(const ObjectReference& object) {
  return object.namespace_name.empty() ? "default" : object.namespace_name;
}

std::string ShortenedMessage(std::string_view message, size_t max_bytes) {
  if (message.size() <= max_bytes) return std::string(message);
  size_t end = max_bytes;
  // Back up over continuation bytes (10xxxxxx) so a multi-byte character is not cut.
  while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0) == 0x80) --end;
  return std::string(message.substr(0, end));
}

JsonDocument BuildEvent(const ObjectReference& object, EventType type, std::string_view reason,
                        std::string_view message, const EventSource& source,
                        std::string_view timestamp) {
  JsonDocument event;
  event.SetObject();
  auto& allocator = event.GetAllocator();
  AddString(event, "apiVersion", "v1", allocator);
  AddString(event, "kind", "Event", allocator);

  JsonValue metadata(rapidjson::kObjectType);
  std::string prefix = (object.name.empty() ? std::string("object") : object.name) + ".";
  AddString(metadata, "generateName", prefix, allocator);
  AddString(metadata, "namespace", EventNamespace(object), allocator);
  event.AddMember("metadata", metadata, allocator);

  JsonValue involved(rapidjson::kObjectType);
  AddString(involved, "apiVersion", object.api_version, allocator);
  AddString(involved, "kind", object.kind, allocator);
  AddString(involved, "namespace", object.namespace_name, allocator);
  AddString(involved, "name", object.name, allocator);
  AddString(involved, "uid", object.uid, allocator);
  AddString(involved, "resourceVersion", object.resource_version, allocator);
  event.AddMember("involvedObject", involved, allocator);

  AddString(event, "type", EventTypeName(type), allocator);
  AddString(event, "reason", reason, allocator);
  AddString(event, "message", ShortenedMessage(message), allocator);
  AddString(event, "firstTimestamp", timestamp, allocator);
  AddString(event, "lastTimestamp", timestamp, allocator);
  event.AddMember("count", 1, allocator);

  JsonValue event_source(rapidjson::kObjectType);
  AddString(event_source, "component", source.component, allocator);
  AddString(event_source, "host", source.instance, allocator);
  event.AddMember("source", event_source, allocator);
  AddString(event, "reportingComponent", source.component, allocator);
  AddString(event, "reportingInstance", source.instance, allocator);
  return event;
}

}  // namespace ccspm::kube
