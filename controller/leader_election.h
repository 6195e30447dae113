// Leader election over a coordination.k8s.io/v1 Lease, so that of several controller replicas
// exactly one repairs drift and the others stand by to take over.
//
// The holder renews the Lease every retry period. Another replica takes it over once it has
// seen the same holder and renew time for a whole lease duration: time is measured on the
// taker's own clock from when it observed the record, never by comparing clocks of two
// machines; a Lease deleted meanwhile counts as held until then too. Every write is conditional
// on the resourceVersion read, so two replicas cannot both win. A leader that finds another
// replica holding the Lease stops at once, one that cannot renew stops at the renew deadline
// (RunController then exits and the Deployment restarts it as a standby), and a leader that is
// told to stop releases the Lease so a standby takes over at once.
#pragma once

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>

#include "base/json.h"
#include "base/status.h"
#include "kube/object_reader.h"
#include "kube/object_writer.h"
#include "kube/resource.h"

namespace ccspm::controller {

kube::ResourceType LeasesResource();

struct LeaderElectionOptions {
  std::string namespace_name = "default";
  std::string lease_name = "ccspm-controller";
  std::string identity;  // Unique per process: the pod name and a random suffix.
  std::chrono::seconds lease_duration{15};
  std::chrono::seconds renew_deadline{10};  // Shorter than lease_duration.
  std::chrono::milliseconds retry_period{2000};
  std::function<std::chrono::steady_clock::time_point()> now = std::chrono::steady_clock::now;
};

// Not thread-safe: one thread runs the election.
class LeaderElector {
 public:
  LeaderElector(kube::ObjectReader& reader, kube::ObjectWriter& writer,
                LeaderElectionOptions options);

  // One attempt to acquire or renew the Lease; true when this process holds it afterwards.
  bool TryAcquireOrRenew();

  // Tries every retry period until this process leads (true) or `stop` is requested (false).
  bool WaitUntilLeading(std::stop_token stop);

  // Renews every retry period while leading. Returns OK when `stop` is requested, or
  // Unavailable when the Lease could not be renewed for the renew deadline: leadership is lost
  // and the caller must stop working.
  Status KeepLeading(std::stop_token stop);

  // Gives the Lease up (holder cleared) when this process holds it: call it once the work has
  // stopped, so a standby takes over at its next try without two working at once.
  void Release();

  const std::string& identity() const { return options_.identity; }

 private:
  JsonValue HeldSpec(const std::string& renewed, int64_t transitions,
                     JsonDocument::AllocatorType& allocator) const;
  bool Create();
  bool HolderMayBeWorking() const;
  bool Write(std::string_view resource_version, bool take_over, int64_t transitions);

  kube::ObjectReader& reader_;
  kube::ObjectWriter& writer_;
  const LeaderElectionOptions options_;

  // The last record seen (holder, renew time, resourceVersion) and when it was first seen.
  std::string observed_record_;
  std::string observed_holder_;
  std::chrono::seconds observed_duration_{0};
  std::chrono::steady_clock::time_point observed_at_{};
  bool held_by_other_ = false;  // The last look found another replica holding the Lease.
  std::string acquired_at_;     // acquireTime of our own tenure.
  bool leading_ = false;
};

}  // namespace ccspm::controller
