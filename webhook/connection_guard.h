// Bounds how long one client connection may hold a worker thread of the webhook's HTTPS server.
//
// httplib 0.11.4 times out each read and write on its own, so a client that trickles a byte
// before every timeout holds a worker for as long as it likes. The guard tracks every TLS
// connection from the start of its handshake until OpenSSL frees it, and a watchdog thread shuts
// down the socket of a connection that has not been answered within the deadline, counted from
// the handshake or from its previous answer. httplib's own reads and writes on that socket then
// fail, and httplib closes it as after any broken connection.
//
// Thread-safe. Shutting a socket down happens under the guard's mutex, and a connection leaves
// the guard when its SSL object is freed, which httplib does before it closes the socket: the
// watchdog never touches a descriptor that was closed or reused.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace ccspm::webhook {

class ConnectionGuard {
 public:
  // `deadline` covers a keep-alive connection idling before its next request, so it should be
  // at least the keep-alive timeout plus the time a request may take.
  explicit ConnectionGuard(std::chrono::milliseconds deadline);
  ~ConnectionGuard();  // Stops the watchdog; connections still tracked are left alone.

  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  // Tracks every connection accepted on `ctx` and starts the watchdog. `this` must outlive every
  // connection on `ctx`. False when OpenSSL cannot store the guard on `ctx`.
  bool InstallOn(SSL_CTX& ctx);

  // For the thread serving a connection (httplib runs handlers on it); no-ops elsewhere.
  //
  // The request was answered: the connection's deadline starts again.
  static void RequestAnswered();
  // The connection closes once the answer being prepared is written; the rest of the request,
  // such as a body that was refused without reading it, is never read.
  static void CloseAfterAnswer();

  // Connections tracked now.
  size_t size() const;

 private:
  struct Connection;

  static void OnInfo(const SSL* ssl, int where, int ret);
  static void OnFree(void* parent, void* ptr, CRYPTO_EX_DATA* data, int index, long argl,
                     void* argp);
  void Watch();

  // The connection the calling thread serves: set when its handshake starts, cleared when
  // OpenSSL frees it. httplib serves each connection on one worker thread from accept to close.
  static thread_local Connection* current_;

  const std::chrono::milliseconds deadline_;

  mutable std::mutex mutex_;
  std::unordered_set<Connection*> connections_;  // Guarded by mutex_.
  bool stopping_ = false;                        // Guarded by mutex_.
  std::condition_variable wake_;
  std::thread watchdog_;
};

}  // namespace ccspm::webhook
