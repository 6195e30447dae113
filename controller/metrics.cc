#include "controller/metrics.h"

#include <prometheus/text_serializer.h>

#include <sstream>

namespace ccspm::controller {

const char* ReconcileResultName(ReconcileResult result) {
  switch (result) {
    case ReconcileResult::kInSync:
      return "in_sync";
    case ReconcileResult::kRepaired:
      return "repaired";
    case ReconcileResult::kReported:
      return "reported";
    case ReconcileResult::kGone:
      return "gone";
    case ReconcileResult::kError:
      return "error";
  }
  return "error";
}

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  drift_ = std::make_unique<serving::KeyedCounters>(
      prometheus::BuildCounter()
          .Name("ccspm_drift_detected_total")
          .Help("Places in stored objects found drifted from a golden setting.")
          .Register(*registry_),
      "policy");
  repaired_ = std::make_unique<serving::KeyedCounters>(
      prometheus::BuildCounter()
          .Name("ccspm_drift_repaired_total")
          .Help("Objects patched back to their golden configuration.")
          .Register(*registry_),
      "policy");
  reconciles_ = &prometheus::BuildCounter()
                     .Name("ccspm_reconcile_total")
                     .Help("Reconciles of one object, by result.")
                     .Register(*registry_);
  for (ReconcileResult result :
       {ReconcileResult::kInSync, ReconcileResult::kRepaired, ReconcileResult::kReported,
        ReconcileResult::kGone, ReconcileResult::kError}) {
    reconciles_->Add({{"result", ReconcileResultName(result)}});
  }
  watched_ = &prometheus::BuildGauge()
                  .Name("ccspm_watched_resources")
                  .Help("Resource types the drift loop watches.")
                  .Register(*registry_)
                  .Add({});
  policies_loaded_ = &prometheus::BuildGauge()
                          .Name("ccspm_policies_loaded")
                          .Help("GoldenPolicies in force.")
                          .Register(*registry_)
                          .Add({});
  policy_load_errors_ = &prometheus::BuildGauge()
                             .Name("ccspm_policy_load_errors")
                             .Help("GoldenPolicies left out because they cannot be parsed.")
                             .Register(*registry_)
                             .Add({});
}

void Metrics::CountDrift(std::string_view policy, std::string_view check, std::string_view action) {
  drift_->Increment({{"policy", std::string(policy)},
                     {"check", std::string(check)},
                     {"action", std::string(action)}});
}

void Metrics::CountRepair(std::string_view policy) {
  repaired_->Increment({{"policy", std::string(policy)}});
}

void Metrics::CountReconcile(ReconcileResult result) {
  reconciles_->Add({{"result", ReconcileResultName(result)}}).Increment();
}

void Metrics::SetWatchedResources(size_t count) { watched_->Set(static_cast<double>(count)); }

void Metrics::SetPolicies(const std::set<std::string>& loaded, size_t load_errors) {
  policies_loaded_->Set(static_cast<double>(loaded.size()));
  policy_load_errors_->Set(static_cast<double>(load_errors));
  drift_->KeepOnly(loaded);
  repaired_->KeepOnly(loaded);
}

std::string Metrics::Serialize() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

}  // namespace ccspm::controller
