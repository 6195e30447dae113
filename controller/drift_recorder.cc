#include "controller/drift_recorder.h"

#include "base/log.h"
#include "engine/admission.h"

namespace ccspm::controller {
namespace {

std::string KeyOf(const kube::ObjectReference& object) {
  return object.api_version + "/" + object.kind + "/" + object.namespace_name + "/" + object.name;
}

std::string Fingerprint(const std::vector<engine::DriftFinding>& findings) {
  std::string text;
  for (const engine::DriftFinding& finding : findings) text += finding.violation.message + "\n";
  return text;
}

}  // namespace

void DriftRecorder::Emit(const kube::ObjectReference& object, const engine::DriftFinding& finding,
                         const char* action, kube::EventType type, const char* reason) {
  const engine::Violation& violation = finding.violation;
  metrics_.CountDrift(violation.policy, violation.check, action);
  log::Info("drift", {{log::key::kAction, action},
                      {log::key::kPolicy, violation.policy},
                      {log::key::kCheck, violation.check},
                      {log::key::kPath, violation.path},
                      {log::key::kResourceKind, object.kind},
                      {log::key::kResourceNamespace, object.namespace_name},
                      {log::key::kResourceName, object.name},
                      {log::key::kResourceVersion, object.resource_version},
                      {log::key::kReason, violation.message}});

  std::string message =
      std::string(action == std::string("repaired") ? "Repaired drift. " : "Drift detected. ") +
      engine::DescribeViolation(violation);
  Status recorded = events_.RecordEvent(object, type, reason, message);
  if (!recorded.ok()) {
    log::Warn("event not recorded",
              {{log::key::kResourceName, object.name}, {log::key::kError, recorded.message()}});
  }
}

void DriftRecorder::Repaired(const kube::ObjectReference& object,
                             const std::vector<engine::DriftFinding>& repaired) {
  // Counted first: the repair is done, whatever happens to the Events that tell about it.
  std::string last_policy;
  for (const engine::DriftFinding& finding : repaired) {
    if (finding.violation.policy == last_policy) continue;
    last_policy = finding.violation.policy;
    metrics_.CountRepair(last_policy);
  }
  for (const engine::DriftFinding& finding : repaired) {
    Emit(object, finding, "repaired", kube::EventType::kNormal, "DriftRepaired");
  }
}

void DriftRecorder::Reported(const kube::ObjectReference& object,
                             const std::vector<engine::DriftFinding>& findings) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string& last = last_reported_[KeyOf(object)];
    std::string current = Fingerprint(findings);
    if (last == current) return;
    last = std::move(current);
  }
  for (const engine::DriftFinding& finding : findings) {
    Emit(object, finding, "reported", kube::EventType::kWarning, "DriftDetected");
  }
}

void DriftRecorder::Forget(const kube::ObjectReference& object) {
  std::lock_guard<std::mutex> lock(mutex_);
  last_reported_.erase(KeyOf(object));
}

}  // namespace ccspm::controller
