#include "cli/controller_command.h"

#include <cstdio>

#include "cli/flags.h"
#include "cli/signals.h"
#include "controller/run.h"

namespace ccspm::cli {
namespace {

constexpr const char* kUsage =
    "usage: ccspm controller [flags]\n"
    "  --kubeconfig FILE               kubeconfig (default: $KUBECONFIG, in-cluster,\n"
    "                                  ~/.kube/config)\n"
    "  --metrics-address ADDR          listen address of /metrics, /healthz, /readyz (0.0.0.0)\n"
    "  --metrics-port N                port of those endpoints, 0 turns them off (default 8081)\n"
    "  --exclude-namespace NS          never repair or report objects in NS (repeatable; default\n"
    "                                  kube-system; giving one replaces the default)\n"
    "  --workers N                     objects reconciled at once (default 2)\n"
    "  --max-retries N                 attempts to repair one object before waiting for its next\n"
    "                                  change (default 10)\n"
    "  --max-repairs N                 repairs of one object per window before pausing, against\n"
    "                                  fights with another writer (default 5)\n"
    "  --repair-window SECONDS         that window (default 300)\n"
    "  --leader-elect BOOL             true: work only while holding a Lease, so several replicas\n"
    "                                  can run and one works (default false)\n"
    "  --leader-elect-namespace NS     namespace of the Lease (default $POD_NAMESPACE, else\n"
    "                                  default)\n"
    "  --leader-elect-lease NAME       name of the Lease (default ccspm-controller)\n"
    "  --leader-elect-identity ID      this replica in the Lease (default $POD_NAME or the host\n"
    "                                  name, plus a random suffix)\n"
    "  --log-level LEVEL               debug, info, warn or error (default info)\n";

}  // namespace

std::string_view ControllerUsage() { return kUsage; }

Result<ControllerFlags> ParseControllerFlags(const std::vector<std::string_view>& args) {
  ControllerFlags flags;
  controller::ControllerOptions& o = flags.options;
  bool excluded_given = false;

  Status parsed = ParseFlags(
      args,
      [&](std::string_view flag, std::string_view value) -> Status {
        if (flag == "--kubeconfig")
          o.kubeconfig = value;
        else if (flag == "--metrics-address")
          o.metrics_address = value;
        else if (flag == "--metrics-port")
          return ParseIntFlag(flag, value, 0, 65535, &o.metrics_port);
        else if (flag == "--workers")
          return ParseIntFlag(flag, value, 1, 64, &o.workers);
        else if (flag == "--max-retries")
          return ParseIntFlag(flag, value, 0, 1000, &o.max_retries);
        else if (flag == "--max-repairs")
          return ParseIntFlag(flag, value, 1, 1000, &o.max_repairs_per_window);
        else if (flag == "--repair-window")
          return ParseIntFlag(flag, value, 1, 86400, &o.repair_window_seconds);
        else if (flag == "--leader-elect")
          return ParseBoolFlag(flag, value, &o.leader_elect);
        else if (flag == "--leader-elect-namespace")
          o.leader_elect_namespace = value;
        else if (flag == "--leader-elect-lease")
          o.leader_elect_lease = value;
        else if (flag == "--leader-elect-identity")
          o.leader_elect_identity = value;
        else if (flag == "--exclude-namespace") {
          if (!excluded_given) o.excluded_namespaces.clear();
          excluded_given = true;
          o.excluded_namespaces.emplace_back(value);
        } else if (flag == "--log-level") {
          if (!log::ParseLevel(value, &flags.log_level)) {
            return InvalidError("--log-level: \"" + std::string(value) +
                                "\" is not one of debug, info, warn, error");
          }
        } else {
          return InvalidError("unknown flag " + std::string(flag));
        }
        return Status::Ok();
      },
      &flags.help);
  if (!parsed.ok()) return parsed;
  return flags;
}

int RunControllerCommand(int argc, char** argv) {
  std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  Result<ControllerFlags> flags = ParseControllerFlags(args);
  if (!flags.ok()) {
    std::fprintf(stderr, "ccspm controller: %s\n%s", flags.status().message().c_str(), kUsage);
    return 2;
  }
  if (flags->help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  log::SetLevel(flags->log_level);

  Status status = RunUntilSignalled("controller", [&](std::stop_token stop) {
    return controller::RunController(flags->options, stop);
  });
  if (!status.ok()) {
    log::Error("controller failed",
               {{log::key::kComponent, "controller"}, {log::key::kError, status.message()}});
    return 1;
  }
  log::Info("controller stopped", {{log::key::kComponent, "controller"}});
  return 0;
}

}  // namespace ccspm::cli
