#include "webhook/refusal.h"

#include "base/json_text.h"

namespace ccspm::webhook {

std::string StatusBody(int code, std::string_view reason, std::string_view message) {
  std::string body = R"({"apiVersion":"v1","kind":"Status","status":"Failure","message":)";
  AppendJsonString(body, message);
  body += ",\"reason\":";
  AppendJsonString(body, reason);
  body += ",\"code\":" + std::to_string(code) + "}";
  return body;
}

}  // namespace ccspm::webhook
