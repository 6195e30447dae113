#include "kube/tls.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <string>

namespace ccspm::kube {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr MemoryBio(std::string_view pem) {
  return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// The oldest queued OpenSSL error as text; clears the thread's queue so it cannot leak into an
// unrelated later call.
std::string TakeOpenSslError() {
  unsigned long code = ERR_get_error();
  char text[256] = "unknown OpenSSL error";
  if (code != 0) ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

// SSL_CTX verification callback: the chain is checked against the anchors alone.
int VerifyAgainstAnchors(X509_STORE_CTX* store_ctx, void* anchors) {
  X509_STORE_CTX_set0_trusted_stack(store_ctx, static_cast<STACK_OF(X509)*>(anchors));
  int verified = X509_verify_cert(store_ctx);
  if (verified > 0) return 1;

  // The TLS layer reads the outcome from the context's error; an internal failure that left it
  // at "ok" must still fail, or httplib would accept the peer.
  if (X509_STORE_CTX_get_error(store_ctx) == X509_V_OK) {
    X509_STORE_CTX_set_error(store_ctx, X509_V_ERR_UNSPECIFIED);
  }
  return 0;
}

}  // namespace

Result<std::vector<X509Ptr>> ParseCertificates(std::string_view pem) {
  BioPtr bio = MemoryBio(pem);
  if (!bio) return InternalError("cannot allocate a BIO");

  std::vector<X509Ptr> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.emplace_back(cert);
  }

  // The loop ends with "no start line" at the end of the text; anything else is a bad block.
  unsigned long last = ERR_peek_last_error();
  bool clean_end = ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
  if (last != 0 && !clean_end) return InvalidError("bad certificate PEM: " + TakeOpenSslError());
  ERR_clear_error();
  if (certs.empty()) return InvalidError("no certificate in PEM data");
  return certs;
}

Result<EvpPkeyPtr> ParsePrivateKey(std::string_view pem) {
  BioPtr bio = MemoryBio(pem);
  if (!bio) return InternalError("cannot allocate a BIO");

  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) return InvalidError("bad private key PEM: " + TakeOpenSslError());
  return EvpPkeyPtr(key);
}

Result<std::shared_ptr<const TrustAnchors>> TrustAnchors::FromPem(std::string_view pem) {
  Result<std::vector<X509Ptr>> certs = ParseCertificates(pem);
  if (!certs.ok()) return certs.status();

  std::shared_ptr<TrustAnchors> anchors(new TrustAnchors());
  anchors->certs_ = sk_X509_new_null();
  if (anchors->certs_ == nullptr) return InternalError("cannot allocate a certificate stack");
  for (X509Ptr& cert : *certs) {
    if (sk_X509_push(anchors->certs_, cert.get()) == 0) {
      return InternalError("cannot grow a certificate stack");
    }
    cert.release();  // The stack owns it now.
  }
  return std::shared_ptr<const TrustAnchors>(std::move(anchors));
}

TrustAnchors::~TrustAnchors() {
  if (certs_ != nullptr) sk_X509_pop_free(certs_, X509_free);
}

void TrustAnchors::InstallOn(SSL_CTX* ctx) const {
  SSL_CTX_set_cert_verify_callback(ctx, VerifyAgainstAnchors, certs_);
}

}  // namespace ccspm::kube
