#include "kube/bearer_token.h"

#include "base/log.h"
#include "kube/file_text.h"

namespace ccspm::kube {

BearerToken::BearerToken(std::string token, std::string file, std::chrono::seconds refresh_interval)
    : file_(std::move(file)),
      refresh_interval_(refresh_interval),
      token_(std::move(token)),
      read_at_(std::chrono::steady_clock::now()) {}

std::string BearerToken::Current() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (file_.empty() || now - read_at_ < refresh_interval_) return token_;

  read_at_ = now;
  Result<std::string> text = ReadFileText(file_);
  if (!text.ok()) {
    log::Warn("cannot re-read bearer token file",
              {{log::key::kPath, file_}, {log::key::kError, text.status().message()}});
    return token_;
  }
  std::string token = Trimmed(std::move(text).value());
  if (!token.empty()) token_ = std::move(token);
  return token_;
}

}  // namespace ccspm::kube
