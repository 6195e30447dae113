// An httplib server (plain or TLS) listening on its own thread, with a clean stop.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "base/status.h"

namespace httplib {
class Server;
}

namespace ccspm::serving {

// Not thread-safe itself: start and stop it from one thread. The server's handlers run on
// httplib's worker pool and must be thread-safe.
class HttpListener {
 public:
  // `name` labels the start and stop log lines ("webhook", "metrics").
  HttpListener(std::unique_ptr<httplib::Server> server, std::string name);
  ~HttpListener();  // Stops.

  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Binds `address`:`port` (0 picks a free port) and serves on a new thread; returns once the
  // server accepts connections. kUnavailable when the address cannot be bound.
  Status Start(const std::string& address, int port);

  // Stops accepting, lets requests in flight finish, and joins. Idempotent.
  void Stop();

  // The bound port; 0 before Start.
  int port() const { return port_; }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string name_;
  std::string address_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace ccspm::serving
