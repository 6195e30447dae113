#include "test/policy_library/pod_wrappers.h"

namespace ccspm::policy_library {
namespace {

struct ControllerKind {
  const char* api_version;
  const char* kind;
  bool cron;  // The template sits under spec.jobTemplate.spec.
};

constexpr ControllerKind kControllers[] = {
    {"apps/v1", "Deployment", false},
    {"apps/v1", "ReplicaSet", false},
    {"apps/v1", "StatefulSet", false},
    {"apps/v1", "DaemonSet", false},
    {"batch/v1", "Job", false},
    {"batch/v1", "CronJob", true},
    {"v1", "ReplicationController", false},
};

void CopyMember(const JsonValue& from, const char* key, JsonValue& to,
                JsonDocument::AllocatorType& allocator) {
  const JsonValue* value = FindMember(from, key);
  if (value == nullptr) return;
  to.AddMember(JsonValue(key, allocator), JsonValue(*value, allocator), allocator);
}

JsonValue Template(const JsonValue& pod, JsonDocument::AllocatorType& allocator) {
  JsonValue metadata(rapidjson::kObjectType);
  if (const JsonValue* pod_metadata = FindMember(pod, "metadata")) {
    CopyMember(*pod_metadata, "labels", metadata, allocator);
    CopyMember(*pod_metadata, "annotations", metadata, allocator);
  }
  JsonValue result(rapidjson::kObjectType);
  result.AddMember("metadata", metadata, allocator);
  CopyMember(pod, "spec", result, allocator);
  return result;
}

}  // namespace

std::vector<WrappedPod> WrapPod(const JsonValue& pod) {
  std::vector<WrappedPod> wrapped;
  for (const ControllerKind& controller : kControllers) {
    WrappedPod& out = wrapped.emplace_back();
    out.kind = controller.kind;
    JsonDocument& object = out.object;
    JsonDocument::AllocatorType& allocator = object.GetAllocator();
    object.SetObject();
    object.AddMember("apiVersion", JsonValue(controller.api_version, allocator), allocator);
    object.AddMember("kind", JsonValue(controller.kind, allocator), allocator);

    JsonValue metadata(rapidjson::kObjectType);
    if (const JsonValue* pod_metadata = FindMember(pod, "metadata")) {
      CopyMember(*pod_metadata, "name", metadata, allocator);
      CopyMember(*pod_metadata, "namespace", metadata, allocator);
    }
    object.AddMember("metadata", metadata, allocator);

    JsonValue spec(rapidjson::kObjectType);
    spec.AddMember("template", Template(pod, allocator), allocator);
    if (controller.cron) {
      JsonValue job_spec(rapidjson::kObjectType);
      job_spec.AddMember("spec", spec, allocator);
      JsonValue cron_spec(rapidjson::kObjectType);
      cron_spec.AddMember("schedule", "0 * * * *", allocator);
      cron_spec.AddMember("jobTemplate", job_spec, allocator);
      object.AddMember("spec", cron_spec, allocator);
    } else {
      object.AddMember("spec", spec, allocator);
    }
  }
  return wrapped;
}

}  // namespace ccspm::policy_library
