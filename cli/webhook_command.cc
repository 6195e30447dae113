#include "cli/webhook_command.h"

#include <cstdio>

#include "cli/flags.h"
#include "cli/signals.h"
#include "webhook/run.h"

namespace ccspm::cli {
namespace {

constexpr const char* kUsage =
    "usage: ccspm webhook --tls-cert-file FILE --tls-private-key-file FILE [flags]\n"
    "  --address ADDR               listen address (default 0.0.0.0)\n"
    "  --port N                     HTTPS port (default 9443)\n"
    "  --tls-cert-file FILE         PEM serving certificate chain (required)\n"
    "  --tls-private-key-file FILE  PEM private key (required)\n"
    "  --metrics-address ADDR       metrics listen address (default 0.0.0.0)\n"
    "  --metrics-port N             plain HTTP /metrics port, 0 turns it off (default 8080)\n"
    "  --kubeconfig FILE            kubeconfig (default: $KUBECONFIG, in-cluster, ~/.kube/config)\n"
    "  --exempt-username NAME       allow this user without evaluation (repeatable; ccspm's\n"
    "                               own service account is always exempt)\n"
    "  --max-concurrent-requests N  worker threads for connections (default 64)\n"
    "  --request-deadline SECONDS   close a connection not answered within this (default 10)\n"
    "  --log-level LEVEL            debug, info, warn or error (default info)\n";

Status Apply(std::string_view flag, std::string_view value, WebhookFlags* flags) {
  webhook::WebhookOptions& o = flags->options;
  if (flag == "--address") o.address = value;
  else if (flag == "--port") return ParseIntFlag(flag, value, 1, 65535, &o.port);
  else if (flag == "--tls-cert-file") o.cert_file = value;
  else if (flag == "--tls-private-key-file") o.key_file = value;
  else if (flag == "--metrics-address") o.metrics_address = value;
  else if (flag == "--metrics-port") return ParseIntFlag(flag, value, 0, 65535, &o.metrics_port);
  else if (flag == "--kubeconfig") o.kubeconfig = value;
  else if (flag == "--exempt-username") o.exempt_usernames.emplace_back(value);
  else if (flag == "--max-concurrent-requests") {
    return ParseIntFlag(flag, value, 1, 4096, &o.max_concurrent_requests);
  } else if (flag == "--request-deadline") {
    return ParseIntFlag(flag, value, 1, 3600, &o.request_deadline_seconds);
  }
  else if (flag == "--log-level") {
    if (!log::ParseLevel(value, &flags->log_level)) {
      return InvalidError("--log-level: \"" + std::string(value) +
                          "\" is not one of debug, info, warn, error");
    }
  } else {
    return InvalidError("unknown flag " + std::string(flag));
  }
  return Status::Ok();
}

}  // namespace

std::string_view WebhookUsage() { return kUsage; }

Result<WebhookFlags> ParseWebhookFlags(const std::vector<std::string_view>& args) {
  WebhookFlags flags;
  CCSPM_RETURN_IF_ERROR(ParseFlags(
      args, [&](std::string_view flag, std::string_view value) {
        return Apply(flag, value, &flags);
      },
      &flags.help));
  if (flags.help) return flags;
  if (flags.options.cert_file.empty()) return InvalidError("--tls-cert-file is required");
  if (flags.options.key_file.empty()) return InvalidError("--tls-private-key-file is required");
  return flags;
}

int RunWebhookCommand(int argc, char** argv) {
  std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  Result<WebhookFlags> flags = ParseWebhookFlags(args);
  if (!flags.ok()) {
    std::fprintf(stderr, "ccspm webhook: %s\n%s", flags.status().message().c_str(), kUsage);
    return 2;
  }
  if (flags->help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  log::SetLevel(flags->log_level);

  log::Info("webhook starting", {{log::key::kComponent, "webhook"}});
  Status status = RunUntilSignalled("webhook", [&](std::stop_token stop) {
    return webhook::RunWebhook(flags->options, stop);
  });
  if (!status.ok()) {
    log::Error("webhook failed", {{log::key::kComponent, "webhook"},
                                  {log::key::kErrorKind, ErrorKindName(status.kind())},
                                  {log::key::kError, status.message()}});
    return 1;
  }
  log::Info("webhook stopped", {{log::key::kComponent, "webhook"}});
  return 0;
}

}  // namespace ccspm::cli
