// OpenSSL objects built from PEM text held in memory, and a trust rule for the API server.
#pragma once

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace ccspm::kube {

struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct EvpPkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyFree>;

// Every certificate in `pem`, in order; kInvalid when there is none or one is malformed.
Result<std::vector<X509Ptr>> ParseCertificates(std::string_view pem);

// The private key in `pem` (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted).
Result<EvpPkeyPtr> ParsePrivateKey(std::string_view pem);

// The certificates an API server certificate must chain to. Immutable once built, so one set
// may serve many connections and threads at once.
class TrustAnchors {
 public:
  static Result<std::shared_ptr<const TrustAnchors>> FromPem(std::string_view pem);
  ~TrustAnchors();

  TrustAnchors(const TrustAnchors&) = delete;
  TrustAnchors& operator=(const TrustAnchors&) = delete;

  // Makes `ctx` verify peers against these anchors only, ignoring the certificate store (which
  // httplib fills with the system's public CAs). `this` must outlive `ctx`.
  void InstallOn(SSL_CTX* ctx) const;

 private:
  TrustAnchors() = default;

  STACK_OF(X509) * certs_ = nullptr;  // Owned; read-only after FromPem.
};

}  // namespace ccspm::kube
