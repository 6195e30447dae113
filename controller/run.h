// `ccspm controller`: the drift loop. Follows the GoldenPolicies and the objects they match,
// and repairs or reports drift.
#pragma once

#include <stop_token>

#include "base/status.h"
#include "controller/options.h"

namespace ccspm::controller {

// Runs until `stop` is requested, then stops the workers and watches. Returns an error only
// when startup fails (unusable cluster config, metrics address in use).
Status RunController(const ControllerOptions& options, std::stop_token stop);

}  // namespace ccspm::controller
