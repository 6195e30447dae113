#include "controller/leader_election.h"

#include <utility>

#include "base/log.h"
#include "kube/api_time.h"
#include "kube/backoff.h"
#include "kube/object_meta.h"

namespace ccspm::controller {
namespace {

int64_t IntMember(const JsonValue& object, std::string_view key) {
  const JsonValue* value = FindMember(object, key);
  return value != nullptr && value->IsInt64() ? value->GetInt64() : 0;
}

}  // namespace

kube::ResourceType LeasesResource() {
  return {"coordination.k8s.io", "v1", "leases", "Lease", true};
}

LeaderElector::LeaderElector(kube::ObjectReader& reader, kube::ObjectWriter& writer,
                             LeaderElectionOptions options)
    : reader_(reader), writer_(writer), options_(std::move(options)) {}

bool LeaderElector::TryAcquireOrRenew() {
  Result<JsonDocument> lease =
      reader_.Get(LeasesResource(), options_.namespace_name, options_.lease_name);
  if (!lease.ok()) {
    leading_ = lease.status().kind() == ErrorKind::kNotFound && !HolderMayBeWorking() && Create();
    return leading_;
  }

  const JsonValue* spec = FindMember(*lease, "spec");
  const JsonValue empty(rapidjson::kObjectType);
  if (spec == nullptr || !spec->IsObject()) spec = &empty;
  const std::string holder(StringMember(*spec, "holderIdentity"));
  const std::string_view version = kube::ObjectResourceVersion(*lease);

  std::string record =
      holder + "\n" + std::string(StringMember(*spec, "renewTime")) + "\n" + std::string(version);
  if (record != observed_record_) {
    observed_record_ = std::move(record);
    observed_holder_ = holder;
    observed_duration_ = std::chrono::seconds(IntMember(*spec, "leaseDurationSeconds"));
    observed_at_ = options_.now();
  }

  const bool ours = holder == options_.identity;
  held_by_other_ = !ours && !holder.empty();
  if (HolderMayBeWorking()) {
    leading_ = false;
    return false;
  }
  leading_ = Write(version, !ours, IntMember(*spec, "leaseTransitions") + (ours ? 0 : 1));
  if (leading_) held_by_other_ = false;
  return leading_;
}

// Whether another replica was seen holding the Lease less than its duration ago, and so may
// still be working. Also when the Lease has been deleted since: a standby that recreated it at
// once would work beside a leader that has not noticed yet.
bool LeaderElector::HolderMayBeWorking() const {
  return !observed_holder_.empty() && observed_holder_ != options_.identity &&
         options_.now() - observed_at_ < observed_duration_;
}

// The Lease spec that says this process holds it, renewed at `renewed`.
JsonValue LeaderElector::HeldSpec(const std::string& renewed, int64_t transitions,
                                  JsonDocument::AllocatorType& allocator) const {
  JsonValue spec(rapidjson::kObjectType);
  spec.AddMember("holderIdentity", StringValue(options_.identity, allocator), allocator);
  spec.AddMember("leaseDurationSeconds", static_cast<int64_t>(options_.lease_duration.count()),
                 allocator);
  spec.AddMember("acquireTime", StringValue(acquired_at_, allocator), allocator);
  spec.AddMember("renewTime", StringValue(renewed, allocator), allocator);
  spec.AddMember("leaseTransitions", transitions, allocator);
  return spec;
}

bool LeaderElector::Create() {
  acquired_at_ = kube::MicroTimeNow();
  JsonDocument lease;
  lease.SetObject();
  auto& allocator = lease.GetAllocator();
  JsonValue metadata(rapidjson::kObjectType);
  metadata.AddMember("name", StringValue(options_.lease_name, allocator), allocator);
  metadata.AddMember("namespace", StringValue(options_.namespace_name, allocator), allocator);
  lease.AddMember("apiVersion", "coordination.k8s.io/v1", allocator);
  lease.AddMember("kind", "Lease", allocator);
  lease.AddMember("metadata", metadata, allocator);
  lease.AddMember("spec", HeldSpec(acquired_at_, 0, allocator), allocator);

  Result<JsonDocument> created = writer_.Create(LeasesResource(), options_.namespace_name, lease);
  // Another replica created it first.
  if (created.status().kind() == ErrorKind::kConflict) held_by_other_ = true;
  if (created.ok()) {
    log::Info("leadership acquired",
              {{log::key::kComponent, "controller"}, {log::key::kIdentity, options_.identity}});
  }
  return created.ok();
}

// A merge patch conditional on `resource_version`: a replica that read an older Lease gets a
// conflict and loses the round.
bool LeaderElector::Write(std::string_view resource_version, bool take_over, int64_t transitions) {
  const std::string now = kube::MicroTimeNow();
  if (take_over || acquired_at_.empty()) acquired_at_ = now;
  JsonDocument patch;
  patch.SetObject();
  auto& allocator = patch.GetAllocator();
  JsonValue metadata(rapidjson::kObjectType);
  metadata.AddMember("resourceVersion", StringValue(resource_version, allocator), allocator);
  patch.AddMember("metadata", metadata, allocator);
  patch.AddMember("spec", HeldSpec(now, transitions, allocator), allocator);

  Result<JsonDocument> written =
      writer_.Patch(LeasesResource(), options_.namespace_name, options_.lease_name,
                    kube::PatchType::kMergePatch, patch);
  if (!written.ok()) return false;
  if (take_over) {
    log::Info("leadership acquired",
              {{log::key::kComponent, "controller"}, {log::key::kIdentity, options_.identity}});
  }
  return true;
}

bool LeaderElector::WaitUntilLeading(std::stop_token stop) {
  while (!TryAcquireOrRenew()) {
    if (!kube::InterruptibleSleep(options_.retry_period, stop)) return false;
  }
  return true;
}

Status LeaderElector::KeepLeading(std::stop_token stop) {
  auto renewed = options_.now();
  while (kube::InterruptibleSleep(options_.retry_period, stop)) {
    if (TryAcquireOrRenew()) {
      renewed = options_.now();
      continue;
    }
    // Another replica holds the Lease (it was taken over, or deleted and recreated): stop at
    // once rather than work beside it until the deadline.
    if (held_by_other_ || options_.now() - renewed >= options_.renew_deadline) {
      log::Error("leadership lost",
                 {{log::key::kComponent, "controller"}, {log::key::kIdentity, options_.identity}});
      return UnavailableError("leadership lost: the Lease " + options_.namespace_name + "/" +
                              options_.lease_name + " could not be renewed");
    }
  }
  return Status::Ok();
}

void LeaderElector::Release() {
  if (!leading_) return;
  leading_ = false;
  Result<JsonDocument> lease =
      reader_.Get(LeasesResource(), options_.namespace_name, options_.lease_name);
  if (!lease.ok()) {
    log::Warn("lease not released", {{log::key::kIdentity, options_.identity},
                                     {log::key::kError, lease.status().message()}});
    return;
  }
  const JsonValue* spec = FindMember(*lease, "spec");
  if (spec == nullptr || StringMember(*spec, "holderIdentity") != options_.identity) return;

  // An empty holder lets a standby take over at its next try instead of after the duration.
  JsonDocument patch;
  patch.SetObject();
  auto& allocator = patch.GetAllocator();
  JsonValue metadata(rapidjson::kObjectType);
  metadata.AddMember("resourceVersion", StringValue(kube::ObjectResourceVersion(*lease), allocator),
                     allocator);
  JsonValue released(rapidjson::kObjectType);
  released.AddMember("holderIdentity", "", allocator);
  released.AddMember("renewTime", StringValue(kube::MicroTimeNow(), allocator), allocator);
  patch.AddMember("metadata", metadata, allocator);
  patch.AddMember("spec", released, allocator);
  Result<JsonDocument> written =
      writer_.Patch(LeasesResource(), options_.namespace_name, options_.lease_name,
                    kube::PatchType::kMergePatch, patch);
  if (!written.ok()) {
    log::Warn("lease not released", {{log::key::kIdentity, options_.identity},
                                     {log::key::kError, written.status().message()}});
    return;
  }
  log::Info("leadership released",
            {{log::key::kComponent, "controller"}, {log::key::kIdentity, options_.identity}});
}

}  // namespace ccspm::controller
