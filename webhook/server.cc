#include "webhook/server.h"

#include <httplib.h>

#include <utility>

namespace ccspm::webhook {
namespace {

void Reply(httplib::Response& res, const HttpOutput& out) {
  res.status = out.status;
  res.set_content(out.body, out.content_type.c_str());
}

httplib::Server::Handler Admission(const AdmissionHandler* handler) {
  return [handler](const httplib::Request& req, httplib::Response& res) {
    Reply(res, handler->Handle({req.method, req.get_header_value("Content-Type"), req.body}));
  };
}

const char* ErrorText(int status) {
  switch (status) {
    case 400:
      return "bad request\n";
    case 404:
      return "not found\n";
    case 413:
      return "request body too large\n";
    default:
      return "request failed\n";
  }
}

// httplib answers some requests itself, before any route runs: a body over the payload limit
// (413), an unknown path (404). Those get a readable body, and oversized admission requests
// are logged and counted like the handler's own refusals.
httplib::Server::HandlerWithResponse ErrorBodies(AdmissionEndpoints endpoints) {
  return [endpoints](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;

    const AdmissionHandler* handler = req.path == "/validate" ? endpoints.validate
                                      : req.path == "/mutate" ? endpoints.mutate
                                                              : nullptr;
    if (res.status == 413 && handler != nullptr) {
      Reply(res, handler->HandleOversizedBody());
    } else {
      res.set_content(ErrorText(res.status), "text/plain");
    }
    return httplib::Server::HandlerResponse::Handled;
  };
}

}  // namespace

Result<std::unique_ptr<WebhookServer>> WebhookServer::Create(const WebhookOptions& options,
                                                             ServingCert& cert,
                                                             AdmissionEndpoints endpoints) {
  auto server =
      std::make_unique<httplib::SSLServer>([&cert](SSL_CTX& ctx) { return cert.InstallOn(ctx); });
  if (!server->is_valid()) return InvalidError("cannot set up TLS for the webhook server");

  server->set_payload_max_length(options.max_body_bytes);
  server->set_read_timeout(options.io_timeout_seconds, 0);
  server->set_write_timeout(options.io_timeout_seconds, 0);

  server->Post("/validate", Admission(endpoints.validate));
  server->Post("/mutate", Admission(endpoints.mutate));
  server->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  server->Get("/readyz",
              [ready = endpoints.ready](const httplib::Request&, httplib::Response& res) {
                bool is_ready = ready();
                res.status = is_ready ? 200 : 503;
                res.set_content(is_ready ? "ok\n" : "policies not synced\n", "text/plain");
              });
  server->set_error_handler(ErrorBodies(endpoints));

  auto listener = std::make_unique<serving::HttpListener>(std::move(server), "webhook");
  return std::unique_ptr<WebhookServer>(new WebhookServer(options, std::move(listener)));
}

Status WebhookServer::Start() { return listener_->Start(address_, port_); }

}  // namespace ccspm::webhook
