// Everything `ccspm webhook` can be told, gathered in one value by the command line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ccspm::webhook {

// The service account ccspm runs as: its own writes must never wait on its own webhook.
inline constexpr const char* kSelfServiceAccount = "system:serviceaccount:ccspm-system:ccspm";

// The API server refuses requests over 3 MiB, so no genuine AdmissionReview is larger.
inline constexpr size_t kDefaultMaxBodyBytes = 3 * 1024 * 1024;

struct WebhookOptions {
  std::string address = "0.0.0.0";
  int port = 9443;
  std::string cert_file;  // PEM serving certificate (chain); required.
  std::string key_file;   // PEM private key of `cert_file`; required.

  std::string metrics_address = "0.0.0.0";
  int metrics_port = 8080;  // 0 turns the metrics listener off.

  std::string kubeconfig;  // Empty: in-cluster config, as kube::LoadConfig decides.

  // Requests by these users are allowed without evaluation.
  std::vector<std::string> exempt_usernames = {kSelfServiceAccount};

  size_t max_body_bytes = kDefaultMaxBodyBytes;

  // Slowest client read or write before the connection is dropped. The API server gives a
  // webhook 10 seconds by default, so a peer slower than this has already given up.
  int io_timeout_seconds = 10;
};

}  // namespace ccspm::webhook
