#include "engine/pod_controllers.h"

#include <array>
#include <vector>

namespace ccspm::engine {
namespace {

FieldPath Keys(std::initializer_list<const char*> keys) {
  std::vector<PathSegment> segments;
  for (const char* key : keys) segments.push_back({PathSegment::Type::kKey, key, "", 0});
  return FieldPath(std::move(segments));
}

struct ControllerKind {
  const char* group;
  const char* kind;
  bool cron;  // The template sits one level deeper, under spec.jobTemplate.
};

constexpr std::array<ControllerKind, 7> kControllers{{
    {"apps", "Deployment", false},
    {"apps", "ReplicaSet", false},
    {"apps", "StatefulSet", false},
    {"apps", "DaemonSet", false},
    {"batch", "Job", false},
    {"batch", "CronJob", true},
    {"", "ReplicationController", false},
}};

}  // namespace

std::optional<PodTemplateLocation> FindPodTemplate(std::string_view group, std::string_view kind) {
  if (group.empty() && kind == "Pod")
    return PodTemplateLocation{Keys({"spec"}), Keys({"metadata"})};

  for (const ControllerKind& controller : kControllers) {
    if (group != controller.group || kind != controller.kind) continue;
    if (controller.cron) {
      return PodTemplateLocation{Keys({"spec", "jobTemplate", "spec", "template", "spec"}),
                                 Keys({"spec", "jobTemplate", "spec", "template", "metadata"})};
    }
    return PodTemplateLocation{Keys({"spec", "template", "spec"}),
                               Keys({"spec", "template", "metadata"})};
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, std::string_view>> PodControllerKinds() {
  std::vector<std::pair<std::string_view, std::string_view>> kinds;
  for (const ControllerKind& controller : kControllers) {
    kinds.emplace_back(controller.group, controller.kind);
  }
  return kinds;
}

FieldPath MapPodPath(const FieldPath& pod_path, const PodTemplateLocation& location) {
  const auto& segments = pod_path.segments();
  const FieldPath* prefix = pod_path.StartsWithKey("spec")       ? &location.spec
                            : pod_path.StartsWithKey("metadata") ? &location.metadata
                                                                 : nullptr;
  if (prefix == nullptr) return pod_path;
  return FieldPath({segments.begin() + 1, segments.end()}).Rebased(*prefix);
}

}  // namespace ccspm::engine
