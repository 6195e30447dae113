// Everything `ccspm controller` is told on its command line, in one value.
#pragma once

#include <string>
#include <vector>

namespace ccspm::controller {

struct ControllerOptions {
  std::string kubeconfig;  // Empty: $KUBECONFIG, in-cluster, then ~/.kube/config.
  std::string metrics_address = "0.0.0.0";
  int metrics_port = 8081;  // /metrics, /healthz, /readyz; 0 turns it off.
  // Never repaired nor reported, whatever the policies say: the system and ccspm itself.
  std::vector<std::string> excluded_namespaces = {"kube-system"};
  int workers = 2;
  // Longest wait between two attempts to repair one object; errors back off up to this.
  int max_retry_delay_seconds = 60;
  int max_retries = 10;  // Then the object waits for its next change or policy update.
  // At most this many repairs of one object per window, against fights with another writer.
  int max_repairs_per_window = 5;
  int repair_window_seconds = 300;
  // Leader election: of the replicas given the same Lease, only its holder works.
  bool leader_elect = false;
  std::string leader_elect_namespace;  // Empty: $POD_NAMESPACE, else "default".
  std::string leader_elect_lease = "ccspm-controller";
  std::string leader_elect_identity;  // Empty: $POD_NAME or the host name, plus a random suffix.
};

}  // namespace ccspm::controller
