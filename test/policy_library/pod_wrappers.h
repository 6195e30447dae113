// The same Pod as each pod controller kind would carry it, to show that a Pod policy gives a
// controller's template the verdict it gives the Pod.
#pragma once

#include <string>
#include <vector>

#include "base/json.h"

namespace ccspm::policy_library {

struct WrappedPod {
  std::string kind;  // "Deployment", "CronJob", ...
  JsonDocument object;
};

// `pod` as the template of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob and
// ReplicationController. The controller takes the Pod's name and namespace; the template keeps
// its labels, annotations and spec.
std::vector<WrappedPod> WrapPod(const JsonValue& pod);

}  // namespace ccspm::policy_library
