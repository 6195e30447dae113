#include "webhook/serving_cert.h"

#include <sys/stat.h>

#include <utility>

#include "base/log.h"
#include "kube/file_text.h"

namespace ccspm::webhook {
namespace {

constexpr const char* kComponent = "webhook";

}  // namespace

Result<std::unique_ptr<ServingCert>> ServingCert::Load(std::string cert_file, std::string key_file,
                                                       std::chrono::milliseconds recheck) {
  std::unique_ptr<ServingCert> cert(
      new ServingCert(std::move(cert_file), std::move(key_file), recheck));
  cert->stamps_ = cert->Stamps();

  Result<std::shared_ptr<const Pair>> pair = cert->Read();
  if (!pair.ok()) return pair.status();
  cert->current_ = std::move(*pair);
  cert->last_check_ = std::chrono::steady_clock::now();
  return cert;
}

bool ServingCert::InstallOn(SSL_CTX& ctx) {
  if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1) return false;
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_cert_cb(&ctx, &ServingCert::OnCertificateRequest, this);
  return true;
}

Result<std::shared_ptr<const ServingCert::Pair>> ServingCert::Read() const {
  Result<std::string> cert_pem = kube::ReadFileText(cert_file_);
  if (!cert_pem.ok()) return cert_pem.status().Prefixed(cert_file_);
  Result<std::string> key_pem = kube::ReadFileText(key_file_);
  if (!key_pem.ok()) return key_pem.status().Prefixed(key_file_);

  Result<std::vector<kube::X509Ptr>> chain = kube::ParseCertificates(*cert_pem);
  if (!chain.ok()) return chain.status().Prefixed(cert_file_);
  Result<kube::EvpPkeyPtr> key = kube::ParsePrivateKey(*key_pem);
  if (!key.ok()) return key.status().Prefixed(key_file_);

  if (X509_check_private_key(chain->front().get(), key->get()) != 1) {
    return InvalidError(key_file_ + ": private key does not match the certificate in " +
                        cert_file_);
  }
  auto pair = std::make_shared<Pair>();
  pair->chain = std::move(*chain);
  pair->key = std::move(*key);
  return std::shared_ptr<const Pair>(std::move(pair));
}

std::pair<FileStamp, FileStamp> ServingCert::Stamps() const {
  auto stamp = [](const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) return FileStamp{};
    int64_t mtime_ns =
        static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return FileStamp{mtime_ns, info.st_ino, info.st_size};
  };
  return {stamp(cert_file_), stamp(key_file_)};
}

std::shared_ptr<const ServingCert::Pair> ServingCert::Current() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < recheck_) return current_;
  last_check_ = now;

  std::pair<FileStamp, FileStamp> stamps = Stamps();
  if (stamps == stamps_) return current_;

  Result<std::shared_ptr<const Pair>> pair = Read();
  if (!pair.ok()) {
    // stamps_ stays as it was, so the next check retries: the other file may be on its way.
    log::Warn("serving certificate reload failed",
              {{log::key::kComponent, kComponent}, {log::key::kError, pair.status().message()}});
    return current_;
  }
  stamps_ = stamps;
  current_ = std::move(*pair);
  log::Info("serving certificate reloaded", {{log::key::kComponent, kComponent}});
  return current_;
}

int ServingCert::OnCertificateRequest(SSL* ssl, void* self) {
  std::shared_ptr<const Pair> pair = static_cast<ServingCert*>(self)->Current();

  STACK_OF(X509)* chain = sk_X509_new_null();
  if (chain == nullptr) return 0;
  for (size_t i = 1; i < pair->chain.size(); ++i) sk_X509_push(chain, pair->chain[i].get());

  // SSL_use_cert_and_key takes its own references, so the pair may be replaced after this.
  int ok = SSL_use_cert_and_key(ssl, pair->chain.front().get(), pair->key.get(), chain, 1);
  sk_X509_free(chain);
  return ok == 1 ? 1 : 0;
}

}  // namespace ccspm::webhook
