#include "webhook/metrics.h"

#include <prometheus/text_serializer.h>

#include <sstream>

namespace ccspm::webhook {
namespace {

// From a millisecond to the API server's longest webhook timeout (30 s).
const prometheus::Histogram::BucketBoundaries kDurationBuckets = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

}  // namespace

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  auto& requests = prometheus::BuildCounter()
                       .Name("ccspm_admission_requests_total")
                       .Help("Admission requests answered, by webhook and decision.")
                       .Register(*registry_);
  auto& durations = prometheus::BuildHistogram()
                        .Name("ccspm_admission_duration_seconds")
                        .Help("Time to answer an admission request, body read excluded.")
                        .Register(*registry_);
  for (int k = 0; k < kWebhookKindCount; ++k) {
    const char* webhook = WebhookKindName(static_cast<WebhookKind>(k));
    for (int d = 0; d < kDecisionCount; ++d) {
      const char* decision = DecisionName(static_cast<Decision>(d));
      requests_[k][d] = &requests.Add({{"webhook", webhook}, {"decision", decision}});
    }
    durations_[k] = &durations.Add({{"webhook", webhook}}, kDurationBuckets);
  }

  violations_ = std::make_unique<serving::KeyedCounters>(
      prometheus::BuildCounter()
          .Name("ccspm_admission_violations_total")
          .Help("Golden setting violations found at admission, by policy action.")
          .Register(*registry_),
      "policy");
  policies_loaded_ = &prometheus::BuildGauge()
                          .Name("ccspm_policies_loaded")
                          .Help("GoldenPolicies in the set the webhook evaluates.")
                          .Register(*registry_)
                          .Add({});
  policy_load_errors_ = &prometheus::BuildGauge()
                             .Name("ccspm_policy_load_errors")
                             .Help("GoldenPolicies left out of the set because they are invalid.")
                             .Register(*registry_)
                             .Add({});
}

void Metrics::ObserveRequest(WebhookKind kind, Decision decision, double seconds) {
  int k = static_cast<int>(kind);
  requests_[k][static_cast<int>(decision)]->Increment();
  durations_[k]->Observe(seconds);
}

void Metrics::CountViolation(std::string_view policy, std::string_view check,
                             std::string_view action) {
  violations_->Increment({{"policy", std::string(policy)},
                          {"check", std::string(check)},
                          {"action", std::string(action)}});
}

void Metrics::SetPolicies(const std::set<std::string>& loaded, size_t load_errors) {
  policies_loaded_->Set(static_cast<double>(loaded.size()));
  policy_load_errors_->Set(static_cast<double>(load_errors));
  violations_->KeepOnly(loaded);
}

std::string Metrics::Serialize() const {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, registry_->Collect());
  return out.str();
}

}  // namespace ccspm::webhook
