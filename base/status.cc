#include "base/status.h"

#include <cstdio>
#include <cstdlib>

namespace ccspm {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kOk:
      return "ok";
    case ErrorKind::kInvalid:
      return "invalid";
    case ErrorKind::kNotFound:
      return "not_found";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kGone:
      return "gone";
    case ErrorKind::kTooLarge:
      return "too_large";
    case ErrorKind::kForbidden:
      return "forbidden";
    case ErrorKind::kUnavailable:
      return "unavailable";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

bool Status::retryable() const {
  return kind_ == ErrorKind::kConflict || kind_ == ErrorKind::kGone ||
         kind_ == ErrorKind::kUnavailable;
}

int Status::http_status() const {
  switch (kind_) {
    case ErrorKind::kOk:
      return 200;
    case ErrorKind::kInvalid:
      return 400;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kGone:
      return 410;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

Status Status::Prefixed(std::string_view context) const {
  if (ok()) return *this;
  return Status(kind_, std::string(context) + ": " + message_);
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(ErrorKindName(kind_)) + ": " + message_;
}

void AbortOnOkStatusInResult() {
  std::fputs("ccspm: a Result was built from an OK Status\n", stderr);
  std::abort();
}

}  // namespace ccspm
