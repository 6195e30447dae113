// `ccspm webhook [flags]`: the admission webhook server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/log.h"
#include "base/status.h"
#include "webhook/options.h"

namespace ccspm::cli {

// `argv[0]` is "webhook". Exit codes: 0 after SIGINT/SIGTERM, 1 when the webhook cannot run
// (bad certificate, unreachable config, address in use), 2 for a usage error.
int RunWebhookCommand(int argc, char** argv);

struct WebhookFlags {
  webhook::WebhookOptions options;
  log::Level log_level = log::Level::kInfo;
  bool help = false;
};

// Parses the flags after "webhook"; kInvalid with a message naming the flag on a usage error.
// --exempt-username adds to the default list, so ccspm's own service account stays exempt.
Result<WebhookFlags> ParseWebhookFlags(const std::vector<std::string_view>& args);

// The usage text --help prints; it lists every flag ParseWebhookFlags takes.
std::string_view WebhookUsage();

}  // namespace ccspm::cli
