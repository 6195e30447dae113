// Recording Kubernetes Events about objects: the outcome users see with kubectl describe.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::kube {

enum class EventType { kNormal, kWarning };

std::string_view EventTypeName(EventType type);

// Identifies the object an Event is about (core/v1 ObjectReference).
struct ObjectReference {
  std::string api_version;
  std::string kind;
  std::string namespace_name;  // "" for cluster-scoped objects.
  std::string name;
  std::string uid;
  std::string resource_version;
};

// The reference to `object`, read from its apiVersion, kind and metadata.
ObjectReference ReferenceTo(const JsonValue& object);

// Implementations are thread-safe.
class EventRecorder {
 public:
  virtual ~EventRecorder() = default;

  // Records one Event about `object`. `reason` is a short UpperCamelCase word ("Repaired");
  // `message` is for humans and is shortened to 1024 bytes. Implementations may count a repeat
  // into the Event recorded before instead of creating a new one (Client does).
  virtual Status RecordEvent(const ObjectReference& object, EventType type, std::string_view reason,
                             std::string_view message) = 0;
};

}  // namespace ccspm::kube
