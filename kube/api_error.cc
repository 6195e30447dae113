#include "kube/api_error.h"

#include <string>

namespace ccspm::kube {
namespace {

constexpr size_t kMaxQuotedBody = 256;

std::string Describe(int http_status, std::string_view reason, std::string_view message) {
  if (!message.empty()) return std::string(message);
  std::string text = "HTTP " + std::to_string(http_status);
  if (!reason.empty()) text += " " + std::string(reason);
  return text;
}

}  // namespace

ErrorKind ErrorKindForHttpStatus(int http_status) {
  switch (http_status) {
    case 400:
      return ErrorKind::kInvalid;
    case 401:
    case 403:
      return ErrorKind::kForbidden;
    case 404:
      return ErrorKind::kNotFound;
    case 409:
      return ErrorKind::kConflict;
    case 410:
      return ErrorKind::kGone;
    case 413:
      return ErrorKind::kTooLarge;
    case 422:
      return ErrorKind::kInvalid;
    case 429:
      return ErrorKind::kUnavailable;
    default:
      break;
  }
  if (http_status >= 200 && http_status < 300) return ErrorKind::kOk;
  if (http_status >= 400 && http_status < 500) return ErrorKind::kInvalid;
  if (http_status >= 500 && http_status < 600) return ErrorKind::kUnavailable;
  return ErrorKind::kInternal;
}

Status StatusFromHttp(int http_status, std::string_view body) {
  ErrorKind kind = ErrorKindForHttpStatus(http_status);
  if (kind == ErrorKind::kOk) return Status::Ok();

  Result<JsonDocument> parsed = ParseJson(body);
  if (parsed.ok() && StringMember(*parsed, "kind") == "Status") {
    return Status(kind, Describe(http_status, StringMember(*parsed, "reason"),
                                 StringMember(*parsed, "message")));
  }

  // Proxies and load balancers in front of the API server answer with HTML or plain text.
  std::string text = "HTTP " + std::to_string(http_status);
  if (!body.empty()) {
    text += ": " + std::string(body.substr(0, kMaxQuotedBody));
    if (body.size() > kMaxQuotedBody) text += "...";
  }
  return Status(kind, text);
}

Status StatusFromApiStatus(const JsonValue& status_object) {
  int code = 0;
  const JsonValue* code_value = FindMember(status_object, "code");
  if (code_value != nullptr && code_value->IsInt()) code = code_value->GetInt();

  std::string_view reason = StringMember(status_object, "reason");
  std::string_view message = StringMember(status_object, "message");
  if (code == 410 || reason == "Expired" || reason == "Gone") {
    return Status(ErrorKind::kGone, Describe(410, reason, message));
  }

  ErrorKind kind = code == 0 ? ErrorKind::kInternal : ErrorKindForHttpStatus(code);
  if (kind == ErrorKind::kOk) kind = ErrorKind::kInternal;  // An error event must be an error.
  return Status(kind, Describe(code, reason, message));
}

}  // namespace ccspm::kube
