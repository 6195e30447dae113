#include "webhook/server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "webhook/refusal.h"

namespace ccspm::webhook {
namespace {

using httplib::Server;

void Reply(httplib::Response& res, const HttpOutput& out) {
  res.status = out.status;
  res.set_content(out.body, out.content_type.c_str());
}

httplib::Server::Handler Admission(const AdmissionHandler* handler) {
  return [handler](const httplib::Request& req, httplib::Response& res) {
    Reply(res, handler->Handle({req.method, req.get_header_value("Content-Type"), req.body}));
  };
}

const AdmissionHandler* AdmissionFor(const AdmissionEndpoints& endpoints, const std::string& path) {
  return path == "/validate" ? endpoints.validate : path == "/mutate" ? endpoints.mutate : nullptr;
}

const char* ReasonFor(int status) {
  switch (status) {
    case 404:
      return "NotFound";
    case 405:
      return "MethodNotAllowed";
    case 413:
      return "RequestEntityTooLarge";
    case 415:
      return "UnsupportedMediaType";
    default:
      return status >= 500 ? "InternalError" : "BadRequest";
  }
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), same);
}

// A refusal of a request whose body, if any, is left unread: the connection closes after the
// answer, since the next request would start somewhere inside that body.
Server::HandlerResponse RefuseUnread(const AdmissionHandler* handler, httplib::Response& res,
                                     int status, const std::string& message) {
  HttpOutput out;
  if (handler != nullptr) {
    out = handler->RefuseUnread(status, ReasonFor(status), message);
  } else {
    out.status = status;
    out.body = StatusBody(status, ReasonFor(status), message);
  }
  Reply(res, out);
  res.set_header("Connection", "close");
  ConnectionGuard::CloseAfterAnswer();
  return Server::HandlerResponse::Handled;
}

// Runs once the headers are read, before httplib reads any body. httplib 0.11.4 decompresses a
// gzip, deflate or br body before any size limit applies and reads a chunked or unsized body
// to its end, so only bodies that are plain and sized within the limit get through; the API
// server sends nothing else. Unknown paths and wrong methods are answered here too, so that no
// body is read for them either.
Server::HandlerWithResponse Screen(AdmissionEndpoints endpoints, size_t max_body_bytes) {
  return [endpoints, max_body_bytes](const httplib::Request& req, httplib::Response& res) {
    const AdmissionHandler* handler = AdmissionFor(endpoints, req.path);

    std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && !EqualsIgnoringCase(encoding, "identity")) {
      return RefuseUnread(handler, res, 415,
                          "content encoding \"" + encoding.substr(0, 64) +
                              "\" is not accepted; send the body uncompressed");
    }
    if (req.has_header("Transfer-Encoding")) {
      return RefuseUnread(handler, res, 411,
                          "Transfer-Encoding is not accepted; send a Content-Length");
    }

    std::string length_text = req.get_header_value("Content-Length");
    uint64_t length = 0;
    if (!length_text.empty()) {
      auto [end, error] =
          std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
      if (error != std::errc() || end != length_text.data() + length_text.size()) {
        return RefuseUnread(handler, res, 400, "Content-Length is not a number");
      }
    }
    if (length > max_body_bytes) {
      return RefuseUnread(handler, res, 413,
                          "request body is " + std::to_string(length) +
                              " bytes, over the limit of " + std::to_string(max_body_bytes) +
                              " bytes");
    }

    bool probe = req.path == "/healthz" || req.path == "/readyz";
    if (handler == nullptr && !probe) {
      return RefuseUnread(nullptr, res, 404, "no endpoint at " + req.path.substr(0, 256));
    }
    bool allowed =
        handler != nullptr ? req.method == "POST" : req.method == "GET" || req.method == "HEAD";
    if (!allowed) {
      res.set_header("Allow", handler != nullptr ? "POST" : "GET, HEAD");
      return RefuseUnread(handler, res, 405,
                          "method " + req.method.substr(0, 16) + " is not allowed on " + req.path);
    }
    if (handler != nullptr && length_text.empty()) {
      return RefuseUnread(handler, res, 411, "an admission request needs a Content-Length");
    }
    return Server::HandlerResponse::Unhandled;
  };
}

// httplib answers some requests itself, before any route runs: a malformed request line or
// header (400), a request URI over its limit (414). Those get a metav1.Status body like every
// other refusal, and the connection closes: httplib may not have read the whole request.
Server::HandlerWithResponse ErrorBodies() {
  return [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return Server::HandlerResponse::Unhandled;
    const char* message = res.status == 404   ? "not found"
                          : res.status == 413 ? "request body too large"
                          : res.status == 414 ? "request URI too long"
                          : res.status < 500  ? "malformed HTTP request"
                                              : "request failed";
    res.set_content(StatusBody(res.status, ReasonFor(res.status), message), "application/json");
    res.set_header("Connection", "close");
    ConnectionGuard::CloseAfterAnswer();
    return Server::HandlerResponse::Handled;
  };
}

}  // namespace

Result<std::unique_ptr<WebhookServer>> WebhookServer::Create(const WebhookOptions& options,
                                                             ServingCert& cert,
                                                             AdmissionEndpoints endpoints) {
  auto guard =
      std::make_unique<ConnectionGuard>(std::chrono::seconds(options.request_deadline_seconds));
  auto server = std::make_unique<httplib::SSLServer>(
      [&cert, &guard](SSL_CTX& ctx) { return cert.InstallOn(ctx) && guard->InstallOn(ctx); });
  if (!server->is_valid()) return InvalidError("cannot set up TLS for the webhook server");

  size_t workers = std::max(1, options.max_concurrent_requests);
  server->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  server->set_payload_max_length(options.max_body_bytes);
  server->set_read_timeout(options.io_timeout_seconds, 0);
  server->set_write_timeout(options.io_timeout_seconds, 0);
  server->set_keep_alive_timeout(options.keep_alive_timeout_seconds);
  server->set_keep_alive_max_count(std::max<size_t>(1, options.keep_alive_max_requests));

  server->set_pre_routing_handler(Screen(endpoints, options.max_body_bytes));
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
  server->set_error_handler(ErrorBodies());
  // Called once an answer is written: the connection's deadline starts again.
  server->set_logger([](const httplib::Request&, const httplib::Response&) {
    ConnectionGuard::RequestAnswered();
  });

  auto listener = std::make_unique<serving::HttpListener>(std::move(server), "webhook");
  return std::unique_ptr<WebhookServer>(
      new WebhookServer(options, std::move(guard), std::move(listener)));
}

Status WebhookServer::Start() { return listener_->Start(address_, port_); }

}  // namespace ccspm::webhook
