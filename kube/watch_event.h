// One event of a Kubernetes watch stream.
#pragma once

#include <string_view>

#include "base/json.h"
#include "base/status.h"

namespace ccspm::kube {

enum class WatchEventType { kAdded, kModified, kDeleted, kBookmark, kError };

std::string_view WatchEventTypeName(WatchEventType type);

struct WatchEvent {
  WatchEventType type = WatchEventType::kAdded;

  // The object after the change (the last state for kDeleted); for kBookmark only
  // metadata.resourceVersion is meaningful; for kError a metav1.Status.
  JsonDocument object;
};

// Parses one line of a watch stream: {"type":"ADDED","object":{...}}. Lines come from the
// network, so every malformed shape is a kInvalid error, never a crash.
Result<WatchEvent> ParseWatchEvent(std::string_view line);

}  // namespace ccspm::kube
