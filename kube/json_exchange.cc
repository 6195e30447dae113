#include "kube/json_exchange.h"

#include "base/log.h"
#include "kube/api_error.h"

namespace ccspm::kube {

Result<JsonDocument> ExchangeJson(Transport& transport, const HttpRequest& request) {
  Result<HttpResponse> response = transport.Send(request);
  if (!response.ok()) return response.status();

  Status status = StatusFromHttp(response->status, response->body);
  if (!status.ok()) {
    log::Debug("api request refused", {{log::key::kOperation, request.method},
                                       {log::key::kUrl, request.path},
                                       {log::key::kHttpStatus, response->status},
                                       {log::key::kError, status.message()}});
    return status;
  }

  Result<JsonDocument> body = ParseJson(response->body);
  if (!body.ok()) return body.status().Prefixed(request.method + " " + request.path);
  if (!body->IsObject()) return InvalidError(request.path + " returned a non-object");
  return body;
}

}  // namespace ccspm::kube
