#include "kube/watch_event.h"

#include <string>

namespace ccspm::kube {
namespace {

bool ParseType(std::string_view name, WatchEventType* type) {
  for (WatchEventType candidate :
       {WatchEventType::kAdded, WatchEventType::kModified, WatchEventType::kDeleted,
        WatchEventType::kBookmark, WatchEventType::kError}) {
    if (name == WatchEventTypeName(candidate)) {
      *type = candidate;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view WatchEventTypeName(WatchEventType type) {
  switch (type) {
    case WatchEventType::kAdded:
      return "ADDED";
    case WatchEventType::kModified:
      return "MODIFIED";
    case WatchEventType::kDeleted:
      return "DELETED";
    case WatchEventType::kBookmark:
      return "BOOKMARK";
    case WatchEventType::kError:
      return "ERROR";
  }
  return "ERROR";
}

Result<WatchEvent> ParseWatchEvent(std::string_view line) {
  Result<JsonDocument> parsed = ParseJson(line);
  if (!parsed.ok()) return parsed.status().Prefixed("watch event");
  JsonDocument document = std::move(parsed).value();

  WatchEvent event;
  std::string_view type_name = StringMember(document, "type");
  if (!ParseType(type_name, &event.type)) {
    return InvalidError("watch event has unknown type \"" + std::string(type_name) + "\"");
  }

  JsonValue* object = FindMember(document, "object");
  if (object == nullptr || !object->IsObject()) {
    return InvalidError("watch event has no object");
  }

  // Make the object the root of the same document instead of copying it: events can be large,
  // and its strings live in this document's allocator.
  JsonValue inner;
  inner.Swap(*object);
  static_cast<JsonValue&>(document).Swap(inner);
  event.object = std::move(document);
  return event;
}

}  // namespace ccspm::kube
