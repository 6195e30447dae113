#include "cli/webhook_command.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <stop_token>
#include <thread>

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
    "  --log-level LEVEL            debug, info, warn or error (default info)\n";

Status ParsePort(std::string_view flag, std::string_view text, int min, int* port) {
  int value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > 65535) {
    return InvalidError(std::string(flag) + ": \"" + std::string(text) + "\" is not a port (" +
                        std::to_string(min) + "-65535)");
  }
  *port = value;
  return Status::Ok();
}

Status Apply(std::string_view flag, std::string_view value, WebhookFlags* flags) {
  webhook::WebhookOptions& o = flags->options;
  if (flag == "--address")
    o.address = value;
  else if (flag == "--port")
    return ParsePort(flag, value, 1, &o.port);
  else if (flag == "--tls-cert-file")
    o.cert_file = value;
  else if (flag == "--tls-private-key-file")
    o.key_file = value;
  else if (flag == "--metrics-address")
    o.metrics_address = value;
  else if (flag == "--metrics-port")
    return ParsePort(flag, value, 0, &o.metrics_port);
  else if (flag == "--kubeconfig")
    o.kubeconfig = value;
  else if (flag == "--exempt-username")
    o.exempt_usernames.emplace_back(value);
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

// Waits for SIGINT or SIGTERM (blocked in every thread, so only this one sees them) and asks
// the webhook to stop. A second signal kills the process the usual way.
void WatchSignals(std::stop_source stop, const std::atomic<bool>& done) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  timespec tick{0, 200 * 1000 * 1000};
  while (!done) {
    int signal = sigtimedwait(&signals, nullptr, &tick);
    if (signal != SIGINT && signal != SIGTERM) continue;

    log::Info("signal received", {{log::key::kComponent, "webhook"},
                                  {log::key::kReason, signal == SIGINT ? "SIGINT" : "SIGTERM"}});
    stop.request_stop();
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    return;
  }
}

}  // namespace

Result<WebhookFlags> ParseWebhookFlags(const std::vector<std::string_view>& args) {
  WebhookFlags flags;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") {
      flags.help = true;
      return flags;
    }
    if (flag.substr(0, 2) != "--") return InvalidError("unexpected argument " + std::string(flag));

    std::string_view value;
    if (size_t equals = flag.find('='); equals != std::string_view::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return InvalidError(std::string(flag) + ": needs a value");
    }
    CCSPM_RETURN_IF_ERROR(Apply(flag, value, &flags));
  }

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

  // A peer that hangs up mid-response must not kill the process: OpenSSL writes with write(2).
  signal(SIGPIPE, SIG_IGN);

  // Blocked before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::stop_source stop;
  std::atomic<bool> done{false};
  std::thread watcher(WatchSignals, stop, std::cref(done));
  log::Info("webhook starting", {{log::key::kComponent, "webhook"}});
  Status status = webhook::RunWebhook(flags->options, stop.get_token());
  done = true;
  watcher.join();

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
