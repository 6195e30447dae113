#include "bench/pss_checks.h"

namespace ccspm::bench {

const std::vector<NamedCheck>& RestrictedChecks() {
  static const std::vector<NamedCheck> checks = {
      {"runAsNonRoot",
       "variables.podSpec.?securityContext.?runAsNonRoot.orValue(false) || "
       "variables.podSpec.containers.all(c, c.?securityContext.?runAsNonRoot.orValue(false))"},
      {"runAsUser",
       "variables.podSpec.containers.all(c, c.?securityContext.?runAsUser.orValue(1) != 0)"},
      {"allowPrivilegeEscalation",
       "variables.podSpec.containers.all(c, "
       "c.?securityContext.?allowPrivilegeEscalation.orValue(true) == false)"},
      {"privileged",
       "variables.podSpec.containers.all(c, !c.?securityContext.?privileged.orValue(false))"},
      {"capabilitiesDropAll",
       "variables.podSpec.containers.all(c, "
       "'ALL' in c.?securityContext.?capabilities.?drop.orValue([]))"},
      {"capabilitiesAdd",
       "variables.podSpec.containers.all(c, "
       "c.?securityContext.?capabilities.?add.orValue([]).all(a, a == 'NET_BIND_SERVICE'))"},
      {"seccompProfile",
       "variables.podSpec.?securityContext.?seccompProfile.?type.orValue('') in "
       "['RuntimeDefault', 'Localhost'] || variables.podSpec.containers.all(c, "
       "c.?securityContext.?seccompProfile.?type.orValue('') in ['RuntimeDefault', 'Localhost'])"},
      {"volumeTypes",
       "variables.podSpec.?volumes.orValue([]).all(v, has(v.configMap) || has(v.csi) || "
       "has(v.downwardAPI) || has(v.emptyDir) || has(v.ephemeral) || "
       "has(v.persistentVolumeClaim) || has(v.projected) || has(v.secret))"},
      {"hostNamespaces",
       "!variables.podSpec.?hostNetwork.orValue(false) && "
       "!variables.podSpec.?hostPID.orValue(false) && !variables.podSpec.?hostIPC.orValue(false)"},
      {"hostPorts",
       "variables.podSpec.containers.all(c, "
       "c.?ports.orValue([]).all(p, p.?hostPort.orValue(0) == 0))"},
  };
  return checks;
}

namespace {

// The pod spec shared by both samples: two containers, restricted-compliant.
#define CCSPM_SAMPLE_POD_SPEC                                                                      \
  R"({"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},)"        \
  R"("containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":8080}],)"          \
  R"("securityContext":{"allowPrivilegeEscalation":false,"runAsUser":1000,)"                       \
  R"("capabilities":{"drop":["ALL"],"add":["NET_BIND_SERVICE"]}},)"                                \
  R"("resources":{"limits":{"cpu":"500m","memory":"128Mi"}}},)"                                    \
  R"({"name":"sidecar","image":"envoy:1.30","securityContext":{"allowPrivilegeEscalation":false,)" \
  R"("capabilities":{"drop":["ALL"]}}}],)"                                                         \
  R"("volumes":[{"name":"config","configMap":{"name":"web"}},{"name":"tmp","emptyDir":{}}]})"

}  // namespace

std::string_view SamplePod() {
  return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop",)"
         R"("labels":{"app":"web"}},"spec":)" CCSPM_SAMPLE_POD_SPEC "}";
}

std::string_view SampleDeployment() {
  return R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web",)"
         R"("namespace":"shop"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},)"
         R"("template":{"metadata":{"labels":{"app":"web"}},"spec":)" CCSPM_SAMPLE_POD_SPEC "}}}";
}

}  // namespace ccspm::bench
