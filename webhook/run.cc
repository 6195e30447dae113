#include "webhook/run.h"

#include <condition_variable>
#include <memory>
#include <mutex>

#include "base/log.h"
#include "kube/client.h"
#include "kube/config.h"
#include "kube/https_transport.h"
#include "kube/informer.h"
#include "webhook/handler.h"
#include "webhook/metrics.h"
#include "serving/observability.h"
#include "webhook/policy_cache.h"
#include "webhook/policy_sync.h"
#include "webhook/server.h"
#include "webhook/serving_cert.h"

namespace ccspm::webhook {
namespace {

Result<std::unique_ptr<kube::Client>> Connect(const std::string& kubeconfig) {
  Result<kube::ClusterConfig> config = kube::LoadConfig(kubeconfig);
  if (!config.ok()) return config.status().Prefixed("loading cluster config");

  auto transport = kube::HttpsTransport::Create(*config);
  if (!transport.ok()) return transport.status().Prefixed("connecting to " + config->server);
  return std::make_unique<kube::Client>(std::shared_ptr<kube::Transport>(std::move(*transport)));
}

void WaitForStop(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any stopped;
  std::unique_lock<std::mutex> lock(mutex);
  stopped.wait(lock, stop, [] { return false; });
}

}  // namespace

Status RunWebhook(const WebhookOptions& options, std::stop_token stop) {
  Result<std::unique_ptr<kube::Client>> client = Connect(options.kubeconfig);
  if (!client.ok()) return client.status();

  Result<std::unique_ptr<ServingCert>> cert =
      ServingCert::Load(options.cert_file, options.key_file);
  if (!cert.ok()) return cert.status().Prefixed("loading the serving certificate");

  Metrics metrics;
  PolicyCache policies(&metrics);
  PolicySource current = [&policies] { return policies.Current(); };
  // Namespaces for CEL's namespaceObject, as a ValidatingAdmissionPolicy sees them. A request
  // for a namespace not in the cache yet reads null.
  kube::Informer namespaces(**client, **client, kube::NamespacesResource(), {}, {});
  namespaces.Start();
  HandlerConfig config{options.max_body_bytes, options.exempt_usernames,
                       [&namespaces](const std::string& name) { return namespaces.Get(name); }};
  AdmissionHandler validate(WebhookKind::kValidate, config, current, &metrics);
  AdmissionHandler mutate(WebhookKind::kMutate, config, current, &metrics);

  std::unique_ptr<serving::HttpListener> metrics_listener;
  if (options.metrics_port != 0) {
    auto listener = serving::StartObservabilityServer(
        options.metrics_address, options.metrics_port,
        {[&metrics] { return metrics.Serialize(); }, [&policies] { return policies.synced(); }});
    if (!listener.ok()) return listener.status();
    metrics_listener = std::move(*listener);
  }

  Result<std::unique_ptr<WebhookServer>> server = WebhookServer::Create(
      options, **cert, {&validate, &mutate, [&policies] { return policies.synced(); }});
  if (!server.ok()) return server.status();
  CCSPM_RETURN_IF_ERROR((*server)->Start());

  // Serving starts before the policies arrive: /healthz answers, /readyz holds traffic back.
  PolicySync sync(**client, **client, policies);
  sync.Start();
  if (sync.WaitForSync(stop)) WaitForStop(stop);

  // Limitation: the listener closes as soon as the stop arrives, without first failing /readyz
  // for a while, because the pod spec owns that delay: the chart's preStop hook must sleep
  // until the Service endpoints stop sending requests here.
  log::Info("webhook stopping", {{log::key::kComponent, "webhook"}});
  (*server)->Stop();
  sync.Stop();
  namespaces.Stop();
  if (metrics_listener != nullptr) metrics_listener->Stop();
  return Status::Ok();
}

}  // namespace ccspm::webhook
