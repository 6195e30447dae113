// LoadConfig: picks the configuration source the way kubectl and client-go do.
#include "kube/config.h"

#include <cstdlib>

namespace ccspm::kube {

const char* ProcessEnv(const char* name) { return std::getenv(name); }

Result<ClusterConfig> LoadConfig(const std::string& kubeconfig_path, const EnvLookup& env,
                                 const std::string& service_account_dir) {
  if (!kubeconfig_path.empty()) return LoadKubeconfig(kubeconfig_path);

  const char* list = env("KUBECONFIG");
  if (list != nullptr && *list != '\0') return LoadKubeconfigList(list);

  const char* service_host = env("KUBERNETES_SERVICE_HOST");
  if (service_host != nullptr && *service_host != '\0') {
    return LoadInClusterConfig(service_account_dir, env);
  }

  const char* home = env("HOME");
  if (home == nullptr || *home == '\0') {
    return NotFoundError("no kubeconfig: no --kubeconfig, KUBECONFIG, in-cluster config or HOME");
  }
  return LoadKubeconfig(std::string(home) + "/.kube/config");
}

}  // namespace ccspm::kube
