// Builds core/v1 Event objects; shared by the real client and the fake.
#pragma once

#include <string>
#include <string_view>

#include "base/json.h"
#include "kube/api_time.h"
#include "kube/event_recorder.h"

namespace ccspm::kube {

inline constexpr size_t kMaxEventMessageBytes = 1024;

struct EventSource {
  std::string component = "ccspm";  // source.component and reportingComponent.
  std::string instance;             // reportingInstance and source.host, e.g. the pod name.
};

// Where an Event about `object` must be created: its namespace, or "default" for a
// cluster-scoped object (what the API server's validation accepts).
std::string EventNamespace(const ObjectReference& object);

// `message` cut to at most `max_bytes` without splitting a UTF-8 sequence.
std::string ShortenedMessage(std::string_view message, size_t max_bytes = kMaxEventMessageBytes);

// A new Event named by the server (generateName "<object name>."), count 1, first and last
// seen at `timestamp`.
JsonDocument BuildEvent(const ObjectReference& object, EventType type, std::string_view reason,
                        std::string_view message, const EventSource& source,
                        std::string_view timestamp);

}  // namespace ccspm::kube
