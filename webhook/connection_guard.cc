#include "webhook/connection_guard.h"

#include <sys/socket.h>

#include <algorithm>

namespace ccspm::webhook {

struct ConnectionGuard::Connection {
  ConnectionGuard* guard;
  SSL* ssl;
  int fd;
  std::chrono::steady_clock::time_point since;  // Guarded by guard->mutex_.
  bool cut = false;                             // Guarded by guard->mutex_.
  bool closing = false;                         // Only the serving thread uses it.
};

namespace {

using Clock = std::chrono::steady_clock;

int ContextIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

int ConnectionIndex(CRYPTO_EX_free* on_free) {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, on_free);
  return index;
}

}  // namespace

thread_local ConnectionGuard::Connection* ConnectionGuard::current_ = nullptr;

ConnectionGuard::ConnectionGuard(std::chrono::milliseconds deadline) : deadline_(deadline) {}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
}

bool ConnectionGuard::InstallOn(SSL_CTX& ctx) {
  if (ContextIndex() < 0 || ConnectionIndex(&ConnectionGuard::OnFree) < 0) return false;
  if (SSL_CTX_set_ex_data(&ctx, ContextIndex(), this) != 1) return false;
  SSL_CTX_set_info_callback(&ctx, &ConnectionGuard::OnInfo);
  if (!watchdog_.joinable()) watchdog_ = std::thread([this] { Watch(); });
  return true;
}

void ConnectionGuard::OnInfo(const SSL* ssl, int where, int) {
  if ((where & SSL_CB_HANDSHAKE_START) == 0) return;
  int index = ConnectionIndex(&ConnectionGuard::OnFree);
  if (SSL_get_ex_data(ssl, index) != nullptr) return;  // A later handshake on the same one.
  auto* guard =
      static_cast<ConnectionGuard*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ContextIndex()));
  if (guard == nullptr) return;

  // OpenSSL passes the connection as const to info callbacks; it is ours to annotate.
  SSL* mutable_ssl = const_cast<SSL*>(ssl);
  auto* connection = new Connection{guard, mutable_ssl, SSL_get_fd(ssl), Clock::now()};
  if (SSL_set_ex_data(mutable_ssl, index, connection) != 1) {
    delete connection;
    return;
  }
  {
    std::lock_guard<std::mutex> lock(guard->mutex_);
    guard->connections_.insert(connection);
  }
  current_ = connection;
}

void ConnectionGuard::OnFree(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  auto* connection = static_cast<Connection*>(ptr);
  if (connection == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(connection->guard->mutex_);
    connection->guard->connections_.erase(connection);
  }
  if (current_ == connection) current_ = nullptr;
  delete connection;
}

void ConnectionGuard::RequestAnswered() {
  if (current_ == nullptr) return;
  // The answer is written: shutting the read side wakes httplib's keep-alive wait at once.
  // Not earlier, as httplib writes only to a socket whose peer it still sees open.
  if (current_->closing && current_->fd >= 0) ::shutdown(current_->fd, SHUT_RD);
  std::lock_guard<std::mutex> lock(current_->guard->mutex_);
  current_->since = Clock::now();
}

void ConnectionGuard::CloseAfterAnswer() {
  if (current_ == nullptr) return;
  // The next read sees the end of the connection without reading the socket.
  SSL_set_shutdown(current_->ssl, SSL_get_shutdown(current_->ssl) | SSL_RECEIVED_SHUTDOWN);
  current_->closing = true;
}

size_t ConnectionGuard::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_.size();
}

void ConnectionGuard::Watch() {
  auto tick =
      std::clamp(deadline_ / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(500));
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, tick, [this] { return stopping_; })) {
    Clock::time_point now = Clock::now();
    for (Connection* connection : connections_) {
      if (connection->cut || now - connection->since < deadline_) continue;
      // Under mutex_, so the connection is still open: OnFree, which precedes httplib's
      // close, waits for it.
      if (connection->fd >= 0) ::shutdown(connection->fd, SHUT_RDWR);
      connection->cut = true;
    }
  }
}

}  // namespace ccspm::webhook
