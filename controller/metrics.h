// The controller's Prometheus metrics: drift found and repaired, reconcile outcomes.
//
//   ccspm_drift_detected_total{policy, check, action}  counter: drifted places seen
//   ccspm_drift_repaired_total{policy}                 counter: objects patched back
//   ccspm_reconcile_total{result}                      counter: in_sync|repaired|reported|
//                                                               gone|error
//   ccspm_watched_resources                            gauge: resource types being watched
//   ccspm_policies_loaded / ccspm_policy_load_errors   gauges
//
// Thread-safe.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "serving/keyed_counters.h"

namespace ccspm::controller {

enum class ReconcileResult { kInSync, kRepaired, kReported, kGone, kError };

class Metrics {
 public:
  Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  void CountDrift(std::string_view policy, std::string_view check, std::string_view action);
  void CountRepair(std::string_view policy);
  void CountReconcile(ReconcileResult result);
  void SetWatchedResources(size_t count);
  // The policies in force: sets the gauges and drops the drift and repair series of policies
  // not among them, so a deleted policy leaves the scrape.
  void SetPolicies(const std::set<std::string>& loaded, size_t load_errors);

  // Every metric in the Prometheus text exposition format.
  std::string Serialize() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<serving::KeyedCounters> drift_;
  std::unique_ptr<serving::KeyedCounters> repaired_;
  prometheus::Family<prometheus::Counter>* reconciles_;
  prometheus::Gauge* watched_;
  prometheus::Gauge* policies_loaded_;
  prometheus::Gauge* policy_load_errors_;
};

const char* ReconcileResultName(ReconcileResult result);

}  // namespace ccspm::controller
