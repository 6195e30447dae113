// The webhook's serving certificate and key, read from PEM files and re-read when they change,
// so a rotated certificate (cert-manager renewing a mounted Secret) is served without a restart.
#pragma once

#include <openssl/ssl.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "kube/tls.h"

namespace ccspm::webhook {

// When a file last changed, to notice a rotation without reading it.
struct FileStamp {
  std::time_t mtime = 0;
  off_t size = -1;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Thread-safe: handshakes on many threads read the current pair while one of them may reload it.
class ServingCert {
 public:
  // Reads both files; kInvalid when either is malformed or the key does not match the
  // certificate, kNotFound when a file is missing.
  static Result<std::unique_ptr<ServingCert>> Load(std::string cert_file, std::string key_file);

  // Sets TLS 1.2 as the minimum and makes every handshake on `ctx` present the current pair.
  // `this` must outlive `ctx`.
  bool InstallOn(SSL_CTX& ctx);

 private:
  struct Pair {
    std::vector<kube::X509Ptr> chain;  // Leaf first.
    kube::EvpPkeyPtr key;
  };
  ServingCert(std::string cert_file, std::string key_file)
      : cert_file_(std::move(cert_file)), key_file_(std::move(key_file)) {}

  Result<std::shared_ptr<const Pair>> Read() const;
  std::pair<FileStamp, FileStamp> Stamps() const;

  // Re-reads the files when their stamps changed; at most once per kRecheckInterval. A bad new
  // pair is logged and the old one kept, so a half-written rotation never breaks serving.
  std::shared_ptr<const Pair> Current();

  static int OnCertificateRequest(SSL* ssl, void* self);

  static constexpr std::chrono::seconds kRecheckInterval{10};

  const std::string cert_file_;
  const std::string key_file_;

  std::mutex mutex_;
  std::shared_ptr<const Pair> current_;                  // Guarded by mutex_.
  std::pair<FileStamp, FileStamp> stamps_;               // Guarded by mutex_.
  std::chrono::steady_clock::time_point last_check_;     // Guarded by mutex_.
};

}  // namespace ccspm::webhook
