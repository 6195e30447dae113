// Where each pod controller kind keeps its pod template, so a check written once against a Pod
// applies to the template of every kind that makes Pods.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/field_path.h"

namespace ccspm::engine {

struct PodTemplateLocation {
  FieldPath spec;      // Where the PodSpec is: "spec" for a Pod.
  FieldPath metadata;  // Where the Pod's metadata is: "metadata" for a Pod.
};

// The template location of `group`/`kind` (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet,
// Job, CronJob, ReplicationController), or nothing when the kind does not make Pods.
std::optional<PodTemplateLocation> FindPodTemplate(std::string_view group, std::string_view kind);

// (group, kind) of every kind that makes Pods from a template, Pod itself excluded.
std::vector<std::pair<std::string_view, std::string_view>> PodControllerKinds();

// Rewrites a path written against a Pod ("spec.containers[*]...", "metadata.labels...") to the
// same place inside `location`. Paths outside spec and metadata come back unchanged.
FieldPath MapPodPath(const FieldPath& pod_path, const PodTemplateLocation& location);

}  // namespace ccspm::engine
