// Timestamps in the formats the Kubernetes API stores: Time (RFC 3339, seconds) for Events and
// metadata, MicroTime (RFC 3339, microseconds) for Leases.
#pragma once

#include <string>

namespace ccspm::kube {

// The current UTC time as RFC 3339 with seconds: "2026-12-04T19:27:15Z".
std::string Rfc3339Now();

// The current UTC time as RFC 3339 with microseconds: "2026-12-04T19:27:15.114203Z".
std::string MicroTimeNow();

}  // namespace ccspm::kube
