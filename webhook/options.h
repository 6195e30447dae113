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

  // Slowest client read or write before the connection is dropped. The webhook
  // configurations ccspm ships set timeoutSeconds: 5, so a peer slower than this has already
  // given up.
  int io_timeout_seconds = 5;

  // Connections served at once, each on its own worker thread; more wait to be accepted.
  int max_concurrent_requests = 64;

  // An idle keep-alive connection is closed after this long, or after this many requests.
  int keep_alive_timeout_seconds = 5;
  size_t keep_alive_max_requests = 100;

  // The longest a connection may take, from its TLS handshake or its previous answer, until its
  // next request is answered; the socket is shut down after that. It covers the keep-alive
  // wait, so keep it at least keep_alive_timeout_seconds + io_timeout_seconds.
  int request_deadline_seconds = 10;
};

}  // namespace ccspm::webhook
