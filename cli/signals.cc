#include "cli/signals.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <ctime>
#include <string>
#include <thread>

#include "base/log.h"

namespace ccspm::cli {
namespace {

sigset_t StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

// Waits for a stop signal on this thread only (the others have them blocked), polling `done`
// so it ends with the body.
void WatchSignals(std::string component, std::stop_source stop, const std::atomic<bool>& done) {
  sigset_t signals = StopSignals();
  timespec tick{0, 200 * 1000 * 1000};
  while (!done) {
    int signal = sigtimedwait(&signals, nullptr, &tick);
    if (signal != SIGINT && signal != SIGTERM) continue;
    log::Info("signal received", {{log::key::kComponent, component},
                                  {log::key::kReason, signal == SIGINT ? "SIGINT" : "SIGTERM"}});
    stop.request_stop();
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    return;
  }
}

}  // namespace

Status RunUntilSignalled(std::string_view component,
                         const std::function<Status(std::stop_token)>& body) {
  signal(SIGPIPE, SIG_IGN);
  sigset_t signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::stop_source stop;
  std::atomic<bool> done{false};
  std::thread watcher(WatchSignals, std::string(component), stop, std::cref(done));
  Status status = body(stop.get_token());
  done = true;
  watcher.join();
  return status;
}

}  // namespace ccspm::cli
