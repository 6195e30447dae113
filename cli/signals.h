// Graceful stop on SIGINT and SIGTERM for the long-running subcommands.
#pragma once

#include <functional>
#include <stop_token>
#include <string_view>

#include "base/status.h"

namespace ccspm::cli {

// Runs `body` with a stop token that the first SIGINT or SIGTERM requests; a second signal
// ends the process the default way. Must be called before any thread starts, since it blocks
// both signals for every thread created after it. Also ignores SIGPIPE: OpenSSL writes to
// sockets with write(2), and a peer that hangs up must not kill the process.
Status RunUntilSignalled(std::string_view component,
                         const std::function<Status(std::stop_token)>& body);

}  // namespace ccspm::cli
