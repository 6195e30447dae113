// The webhook's Prometheus metrics: outcomes people act on are counted here, not logged.
//
//   ccspm_admission_requests_total{webhook, decision}   counter
//   ccspm_admission_duration_seconds{webhook}           histogram
//   ccspm_admission_violations_total{policy, check, action}  counter
//   ccspm_policies_loaded                               gauge: policies in the current set
//   ccspm_policy_load_errors                            gauge: policies left out of it
//
// Thread-safe: every method may be called from any request thread. The violation series of a
// policy leave the scrape once the policy is no longer in force (SetPolicies).
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <array>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "serving/keyed_counters.h"
#include "webhook/decision.h"

namespace ccspm::webhook {

class Metrics {
 public:
  Metrics();

  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void ObserveRequest(WebhookKind kind, Decision decision, double seconds);

  // `action` is the policy's admission action: "Deny", "Warn" or "Audit".
  void CountViolation(std::string_view policy, std::string_view check, std::string_view action);

  // The policies in force: sets the gauges and drops the series of policies not among them.
  void SetPolicies(const std::set<std::string>& loaded, size_t load_errors);

  // Every metric in the Prometheus text exposition format (version 0.0.4).
  std::string Serialize() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<serving::KeyedCounters> violations_;
  // Children created up front so every series is exported, at zero, from the first scrape.
  std::array<std::array<prometheus::Counter*, kDecisionCount>, kWebhookKindCount> requests_;
  std::array<prometheus::Histogram*, kWebhookKindCount> durations_;
  prometheus::Gauge* policies_loaded_;
  prometheus::Gauge* policy_load_errors_;
};

}  // namespace ccspm::webhook
