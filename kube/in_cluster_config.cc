// LoadInClusterConfig: the service account Kubernetes mounts into every pod.
#include <string>

#include "kube/config.h"
#include "kube/file_text.h"

namespace ccspm::kube {

Result<ClusterConfig> LoadInClusterConfig(const std::string& root, const EnvLookup& env) {
  const char* host = env("KUBERNETES_SERVICE_HOST");
  const char* port = env("KUBERNETES_SERVICE_PORT");
  if (host == nullptr || *host == '\0' || port == nullptr || *port == '\0') {
    return NotFoundError(
        "not running in a cluster: KUBERNETES_SERVICE_HOST or KUBERNETES_SERVICE_PORT is unset");
  }

  ClusterConfig config;
  std::string host_text = host;
  // An IPv6 service address must be bracketed to be followed by a port.
  if (host_text.find(':') != std::string::npos) host_text = "[" + host_text + "]";
  config.server = "https://" + host_text + ":" + port;

  config.bearer_token_file = root + "/token";
  Result<std::string> token = ReadFileText(config.bearer_token_file);
  if (!token.ok()) return token.status().Prefixed("in-cluster config");
  config.bearer_token = Trimmed(std::move(token).value());

  Result<std::string> ca = ReadFileText(root + "/ca.crt");
  if (!ca.ok()) return ca.status().Prefixed("in-cluster config");
  config.ca_pem = std::move(ca).value();

  // The namespace file is optional in practice (projected volumes may omit it).
  Result<std::string> ns = ReadFileText(root + "/namespace");
  config.default_namespace = ns.ok() ? Trimmed(std::move(ns).value()) : "";
  if (config.default_namespace.empty()) config.default_namespace = "default";
  return config;
}

}  // namespace ccspm::kube
