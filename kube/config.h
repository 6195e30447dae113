// Where the API server is and how to authenticate to it: kubeconfig files or the in-cluster
// service account.
#pragma once

#include <functional>
#include <string>

#include "base/status.h"

namespace ccspm::kube {

// Everything a transport needs to reach one cluster as one user. Credentials are held in memory
// as PEM text, already read from any files they came from.
struct ClusterConfig {
  std::string server;           // "https://host:port", optionally with a path prefix.
  std::string ca_pem;           // Trust anchors for the server; empty means the system store.
  std::string client_cert_pem;  // Client certificate chain, with client_key_pem, or neither.
  std::string client_key_pem;
  std::string bearer_token;       // Sent as "Authorization: Bearer"; empty means none.
  std::string bearer_token_file;  // When set, re-read periodically: in-cluster tokens rotate.
  std::string default_namespace;  // The context's namespace, or "default".
};

inline constexpr const char* kServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

// Reads an environment variable; nullptr when unset. Injected so tests need not mutate the
// process environment.
using EnvLookup = std::function<const char*(const char* name)>;
const char* ProcessEnv(const char* name);

// Loads `context` (default: current-context) from the kubeconfig at `path`. Supports
// certificate-authority(-data), client-certificate(-data), client-key(-data), token and
// tokenFile; relative file paths resolve against the kubeconfig's folder. Settings that would
// change trust or need a plugin (insecure-skip-tls-verify, tls-server-name, proxy-url, exec,
// auth-provider, username/password) are refused with kInvalid rather than silently ignored.
// Errors name the file and the missing or bad field.
Result<ClusterConfig> LoadKubeconfig(const std::string& path, const std::string& context = "");

// Same, over a KUBECONFIG-style list "a:b:c" merged the way kubectl does: for each name
// (current-context, a context, a cluster, a user) the first file that defines it wins; missing
// files are skipped.
Result<ClusterConfig> LoadKubeconfigList(const std::string& path_list,
                                         const std::string& context = "");

// The pod's own service account: KUBERNETES_SERVICE_HOST/PORT and `root`/{token,ca.crt,
// namespace}. kNotFound when the environment variables are unset (not in a cluster).
Result<ClusterConfig> LoadInClusterConfig(const std::string& root = kServiceAccountDir,
                                          const EnvLookup& env = ProcessEnv);

// The usual search: `kubeconfig_path` when not empty, else $KUBECONFIG, else in-cluster when
// KUBERNETES_SERVICE_HOST is set, else ~/.kube/config. The first source that applies decides:
// its error is returned rather than falling through to the next one.
Result<ClusterConfig> LoadConfig(const std::string& kubeconfig_path,
                                 const EnvLookup& env = ProcessEnv,
                                 const std::string& service_account_dir = kServiceAccountDir);

}  // namespace ccspm::kube
