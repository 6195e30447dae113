// The webhook's serving certificate and key, read from PEM files and re-read when they change,
// so a rotated certificate (cert-manager renewing a mounted Secret) is served without a restart.
#pragma once

#include <openssl/ssl.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"
#include "kube/tls.h"

namespace ccspm::webhook {

// When a file last changed, to notice a rotation without reading it.
struct FileStamp {
  int64_t mtime_ns = 0;
  ino_t inode = 0;  // A Secret volume swaps in new files rather than rewriting them.
  off_t size = -1;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Thread-safe: handshakes on many threads read the current pair while one of them may reload it.
class ServingCert {
 public:
  // Reads both files; kInvalid when either is malformed or the key does not match the
  // certificate, kNotFound when a file is missing. Handshakes look at the files' modification
  // times at most once per `recheck`.
  static Result<std::unique_ptr<ServingCert>> Load(
      std::string cert_file, std::string key_file,
      std::chrono::milliseconds recheck = std::chrono::seconds(10));

  // Sets TLS 1.2 as the minimum and makes every handshake on `ctx` present the current pair.
  // `this` must outlive `ctx`.
  bool InstallOn(SSL_CTX& ctx);

 private:
  struct Pair {
    std::vector<kube::X509Ptr> chain;  // Leaf first.
    kube::EvpPkeyPtr key;
  };
  ServingCert(std::string cert_file, std::string key_file, std::chrono::milliseconds recheck)
      : cert_file_(std::move(cert_file)), key_file_(std::move(key_file)), recheck_(recheck) {}

  Result<std::shared_ptr<const Pair>> Read() const;
  std::pair<FileStamp, FileStamp> Stamps() const;

  // Re-reads the files when their stamps changed; at most once per recheck_. A bad new
  // pair is logged and the old one kept, so a half-written rotation never breaks serving.
  std::shared_ptr<const Pair> Current();

  static int OnCertificateRequest(SSL* ssl, void* self);

  const std::string cert_file_;
  const std::string key_file_;
  const std::chrono::milliseconds recheck_;

  std::mutex mutex_;
  std::shared_ptr<const Pair> current_;               // Guarded by mutex_.
  std::pair<FileStamp, FileStamp> stamps_;            // Guarded by mutex_.
  std::chrono::steady_clock::time_point last_check_;  // Guarded by mutex_.
};

}  // namespace ccspm::webhook
