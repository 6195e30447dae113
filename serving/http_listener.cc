#include "serving/http_listener.h"

#include <httplib.h>

#include <chrono>
#include <utility>

#include "base/log.h"

namespace ccspm::serving {

HttpListener::HttpListener(std::unique_ptr<httplib::Server> server, std::string name)
    : server_(std::move(server)), name_(std::move(name)) {}

HttpListener::~HttpListener() { Stop(); }

Status HttpListener::Start(const std::string& address, int port) {
  int bound = port == 0 ? server_->bind_to_any_port(address)
                        : (server_->bind_to_port(address, port) ? port : -1);
  if (bound <= 0) {
    return UnavailableError("cannot listen on " + address + ":" + std::to_string(port));
  }
  address_ = address;
  port_ = bound;
  thread_ = std::thread([server = server_.get()] { server->listen_after_bind(); });

  // httplib ignores stop() until its loop runs, so wait for the loop before anyone may stop it.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_->is_running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return InternalError(name_ + " listener did not start");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

  log::Info("listener started", {{log::key::kComponent, name_},
                                 {log::key::kAddress, address_ + ":" + std::to_string(port_)}});
  return Status::Ok();
}

void HttpListener::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
  log::Info("listener stopped", {{log::key::kComponent, name_},
                                 {log::key::kAddress, address_ + ":" + std::to_string(port_)}});
}

}  // namespace ccspm::serving
