// One request whose successful answer is a JSON object: the shape of every API call but watch.
#pragma once

#include "base/json.h"
#include "base/status.h"
#include "kube/transport.h"

namespace ccspm::kube {

// Sends `request`; a 2xx JSON object body is the result, any other outcome the mapped error
// (api_error.h), with the API server's message kept.
Result<JsonDocument> ExchangeJson(Transport& transport, const HttpRequest& request);

}  // namespace ccspm::kube
