// Tells people about drift: one JSON log line and one Kubernetes Event per repair or report,
// and the drift metrics. Reports are deduplicated: an object whose drift is unchanged since the
// last report is not reported again on every resync.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "controller/metrics.h"
#include "engine/drift.h"
#include "kube/event_recorder.h"

namespace ccspm::controller {

class DriftRecorder {
 public:
  DriftRecorder(kube::EventRecorder& events, Metrics& metrics)
      : events_(events), metrics_(metrics) {}

  // Records that `object` was patched back for `repaired` findings.
  void Repaired(const kube::ObjectReference& object,
                const std::vector<engine::DriftFinding>& repaired);

  // Records drift left in place (Report policies, or fixes that are not possible), unless the
  // same findings were the last ones reported for this object.
  void Reported(const kube::ObjectReference& object,
                const std::vector<engine::DriftFinding>& findings);

  // Forgets an object that is gone or back in sync, so new drift is reported again.
  void Forget(const kube::ObjectReference& object);

 private:
  void Emit(const kube::ObjectReference& object, const engine::DriftFinding& finding,
            const char* action, kube::EventType type, const char* reason);

  kube::EventRecorder& events_;
  Metrics& metrics_;
  std::mutex mutex_;
  std::map<std::string, std::string> last_reported_;  // Object key -> findings; mutex_.
};

}  // namespace ccspm::controller
