// The Pod Security Standards "restricted" profile written as CEL checks, and sample objects, for
// the benchmarks. Each check reads the pod spec through `variables.podSpec`, so it applies to a
// Pod and to a workload's pod template alike.
#pragma once

#include <string_view>
#include <vector>

namespace ccspm::bench {

struct NamedCheck {
  std::string_view name;
  std::string_view expression;
};

// `variables.podSpec`: the pod spec of a Pod or of a workload's template.
inline constexpr std::string_view kPodSpecVariable =
    "object.kind == 'Pod' ? object.spec : object.spec.template.spec";

const std::vector<NamedCheck>& RestrictedChecks();

// A typical restricted-compliant Pod and Deployment, as JSON.
std::string_view SamplePod();
std::string_view SampleDeployment();

}  // namespace ccspm::bench
