// `ccspm webhook`: connects to the cluster, follows the GoldenPolicies and serves admission.
#pragma once

#include <stop_token>

#include "base/status.h"
#include "webhook/options.h"

namespace ccspm::webhook {

// Serves until `stop` is requested, then stops gracefully: no new connections, requests in
// flight answered, informer stopped. Returns OK after a requested stop; an error when the
// cluster config, the serving certificate or a listen address is unusable at startup.
Status RunWebhook(const WebhookOptions& options, std::stop_token stop = {});

}  // namespace ccspm::webhook
