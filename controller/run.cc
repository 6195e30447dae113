#include "controller/run.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>
#include <vector>

#include "base/log.h"
#include "controller/drift_recorder.h"
#include "controller/leader_election.h"
#include "controller/metrics.h"
#include "controller/policy_sync.h"
#include "controller/reconciler.h"
#include "controller/watch_set.h"
#include "controller/work_queue.h"
#include "kube/client.h"
#include "kube/config.h"
#include "kube/discovery.h"
#include "kube/https_transport.h"
#include "kube/informer.h"
#include "serving/observability.h"

namespace ccspm::controller {
namespace {

// Works keys until the queue shuts down. The one place that decides retries.
void Work(WorkQueue& queue, Reconciler& reconciler, RetryBackoff& backoff, RepairBudget& budget,
          Metrics& metrics, const ControllerOptions& options) {
  while (std::optional<std::string> key = queue.Get()) {
    Result<ReconcileResult> result = reconciler.Reconcile(*key);
    metrics.CountReconcile(result.ok() ? *result : ReconcileResult::kError);

    if (result.ok()) {
      backoff.Forget(*key);
      // Repairs paused against another writer resume when the window has passed, whether or
      // not the object changes again.
      if (*result == ReconcileResult::kReported) {
        if (std::optional<RepairBudget::Clock::duration> wait = budget.RetryAfter(*key)) {
          queue.AddAfter(*key, std::chrono::ceil<std::chrono::milliseconds>(*wait));
        }
      }
    } else if (backoff.Failures(*key) < options.max_retries) {
      std::chrono::milliseconds delay = backoff.NextDelay(*key);
      log::Warn("reconcile failed", {{log::key::kResourceName, *key},
                                     {log::key::kError, result.status().message()},
                                     {log::key::kAttempt, backoff.Failures(*key)},
                                     {log::key::kDurationMs, static_cast<int64_t>(delay.count())}});
      queue.AddAfter(*key, delay);
    } else {
      log::Error("reconcile given up",
                 {{log::key::kResourceName, *key}, {log::key::kError, result.status().message()}});
      backoff.Forget(*key);
    }
    queue.Done(*key);
  }
}

std::string EnvOr(const char* name, std::string fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// Who this process is in the Lease: unique even when two share a pod name or host.
std::string ElectionIdentity(const ControllerOptions& options) {
  if (!options.leader_elect_identity.empty()) return options.leader_elect_identity;
  char host[256] = "controller";
  (void)gethostname(host, sizeof host - 1);
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "_%08x", static_cast<unsigned>(std::random_device()()));
  return EnvOr("POD_NAME", host) + suffix;
}

LeaderElectionOptions ElectionOptions(const ControllerOptions& options) {
  LeaderElectionOptions election;
  election.namespace_name = options.leader_elect_namespace.empty()
                                ? EnvOr("POD_NAMESPACE", "default")
                                : options.leader_elect_namespace;
  election.lease_name = options.leader_elect_lease;
  election.identity = ElectionIdentity(options);
  return election;
}

}  // namespace

Status RunController(const ControllerOptions& options, std::stop_token stop) {
  Result<kube::ClusterConfig> config = kube::LoadConfig(options.kubeconfig);
  if (!config.ok()) return config.status().Prefixed("cluster config");
  Result<std::unique_ptr<kube::HttpsTransport>> created = kube::HttpsTransport::Create(*config);
  if (!created.ok()) return created.status().Prefixed("API server transport");
  std::shared_ptr<kube::Transport> transport = std::move(created).value();

  kube::ClientOptions client_options;
  client_options.event_source.component = "ccspm-controller";
  kube::Client client(transport, client_options);
  kube::Discovery discovery(transport);

  Metrics metrics;
  DriftRecorder recorder(client, metrics);
  WorkQueue queue;
  RetryBackoff backoff(std::chrono::milliseconds(200),
                       std::chrono::seconds(options.max_retry_delay_seconds));
  WatchSet watch_set(client, client, queue, options.excluded_namespaces, {});
  PolicySync policies(client, client, client, discovery, watch_set, metrics, {});
  // Namespaces for CEL's namespaceObject, as at admission.
  kube::Informer namespaces(client, client, kube::NamespacesResource(), {}, {});
  RepairBudget budget(options.max_repairs_per_window,
                      std::chrono::seconds(options.repair_window_seconds));
  Reconciler reconciler([&policies] { return policies.Current(); }, watch_set, client, recorder,
                        [&namespaces](const std::string& name) { return namespaces.Get(name); },
                        &budget);

  std::unique_ptr<LeaderElector> elector;
  if (options.leader_elect) {
    elector = std::make_unique<LeaderElector>(client, client, ElectionOptions(options));
  }
  // A standby is ready: it is doing its job, which is to wait (rollouts wait for readiness).
  std::atomic<bool> standing_by{elector != nullptr};

  std::unique_ptr<serving::HttpListener> observability;
  if (options.metrics_port != 0) {
    Result<std::unique_ptr<serving::HttpListener>> started = serving::StartObservabilityServer(
        options.metrics_address, options.metrics_port,
        {[&metrics] { return metrics.Serialize(); },
         [&] { return standing_by || (policies.Synced() && watch_set.Synced()); }});
    if (!started.ok()) return started.status();
    observability = std::move(started).value();
  }

  if (elector != nullptr) {
    log::Info("waiting for leadership",
              {{log::key::kComponent, "controller"}, {log::key::kIdentity, elector->identity()}});
    if (!elector->WaitUntilLeading(stop)) {
      if (observability) observability->Stop();
      return Status::Ok();
    }
    standing_by = false;
  }

  namespaces.Start();
  policies.Start();
  std::vector<std::jthread> workers;
  for (int i = 0; i < options.workers; ++i) {
    workers.emplace_back([&] { Work(queue, reconciler, backoff, budget, metrics, options); });
  }
  log::Info("controller started",
            {{log::key::kComponent, "controller"}, {log::key::kCount, options.workers}});

  // Waits for the stop request (or the loss of leadership); the watches and workers do the
  // work meanwhile.
  Status outcome = Status::Ok();
  if (elector != nullptr) {
    outcome = elector->KeepLeading(stop);
  } else {
    std::mutex mutex;
    std::condition_variable_any stopped;
    std::unique_lock<std::mutex> lock(mutex);
    stopped.wait(lock, stop, [] { return false; });
  }

  // Stop in reverse order of dependence: no new policy changes, no new keys, then the caches.
  log::Info("controller stopping", {{log::key::kComponent, "controller"}});
  policies.Stop();
  queue.ShutDown();
  workers.clear();
  watch_set.StopAll();
  namespaces.Stop();
  if (elector != nullptr) elector->Release();
  if (observability) observability->Stop();
  return outcome;
}

}  // namespace ccspm::controller
