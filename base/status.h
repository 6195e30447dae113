// The one error model of ccspm: errors are values at every boundary.
//
// A Status is either OK or an error with a kind and a message. The kinds map onto HTTP and
// Kubernetes API outcomes so a boundary can translate them without guessing, and each kind says
// whether retrying the same request can help. Result<T> holds a value or a non-OK Status.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ccspm {

enum class ErrorKind {
  kOk,
  kInvalid,      // The input is malformed or violates a rule; retrying cannot help.
  kNotFound,     // The thing asked for does not exist.
  kConflict,     // Optimistic concurrency lost (HTTP 409); retry after a fresh read.
  kGone,         // A watch resource version expired (HTTP 410); relist, then rewatch.
  kTooLarge,     // The input is over a size limit.
  kForbidden,    // Authentication or authorization refused the request.
  kUnavailable,  // A peer is down or overloaded, or timed out; retry with backoff.
  kInternal,     // A bug or an impossible state on our side.
};

// Short, stable name of a kind, used as a log and metric label value.
std::string_view ErrorKindName(ErrorKind kind);

class Status {
 public:
  Status() = default;
  Status(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return kind_ == ErrorKind::kOk; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }

  // True when the same request may succeed later without changing it.
  bool retryable() const;

  // The HTTP status code that reports this error to a client.
  int http_status() const;

  // Returns a copy whose message is "context: message", for adding where an error happened.
  Status Prefixed(std::string_view context) const;

  std::string ToString() const;

 private:
  ErrorKind kind_ = ErrorKind::kOk;
  std::string message_;
};

inline Status InvalidError(std::string message) {
  return Status(ErrorKind::kInvalid, std::move(message));
}
inline Status NotFoundError(std::string message) {
  return Status(ErrorKind::kNotFound, std::move(message));
}
inline Status UnavailableError(std::string message) {
  return Status(ErrorKind::kUnavailable, std::move(message));
}
inline Status InternalError(std::string message) {
  return Status(ErrorKind::kInternal, std::move(message));
}

// Holds a T or a non-OK Status. Accessing the value of an error Result is a bug and aborts.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}                        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) { CheckNotOk(); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }

  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void CheckNotOk();

  std::variant<T, Status> state_;
};

[[noreturn]] void AbortOnOkStatusInResult();

template <typename T>
void Result<T>::CheckNotOk() {
  if (std::get<Status>(state_).ok()) AbortOnOkStatusInResult();
}

}  // namespace ccspm

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define CCSPM_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::ccspm::Status ccspm_status_ = (expr);        \
    if (!ccspm_status_.ok()) return ccspm_status_; \
  } while (false)
