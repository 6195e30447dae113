// A Transport that answers from a script and records every request, for client unit tests.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "kube/transport.h"

namespace ccspm::kube::testing {

// Thread-safe. Answers are matched on "METHOD path" with the query included; a new answer for
// a key replaces the old one. An unscripted request gets a 404 Status body naming it.
class ScriptedTransport : public Transport {
 public:
  void Respond(const std::string& method, const std::string& path, int status, std::string body) {
    std::lock_guard<std::mutex> lock(mutex_);
    responses_[method + " " + path] = {status, std::move(body), {}};
  }

  // A streamed answer delivered in exactly these chunks, then ended with `end`.
  void RespondStream(const std::string& path, std::vector<std::string> chunks,
                     Status end = Status::Ok()) {
    std::lock_guard<std::mutex> lock(mutex_);
    streams_["GET " + path] = {std::move(chunks), std::move(end)};
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    auto it = responses_.find(request.method + " " + request.path);
    if (it == responses_.end()) {
      return HttpResponse{404,
                          R"({"kind":"Status","reason":"NotFound","message":"unscripted )" +
                              request.method + " " + request.path + "\"}",
                          {}};
    }
    return it->second;
  }

  Status Stream(const HttpRequest& request, const LineHandler& on_line,
                std::stop_token stop) override {
    Script script;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(request);
      auto it = streams_.find(request.method + " " + request.path);
      if (it == streams_.end()) return Status(ErrorKind::kNotFound, "unscripted stream");
      script = it->second;
    }
    std::string buffer;
    for (const std::string& chunk : script.chunks) {
      if (stop.stop_requested()) return Status::Ok();
      buffer += chunk;
      size_t newline;
      while ((newline = buffer.find('\n')) != std::string::npos) {
        std::string line = buffer.substr(0, newline);
        buffer.erase(0, newline + 1);
        if (!on_line(line)) return Status::Ok();
      }
    }
    return script.end;
  }

 private:
  struct Script {
    std::vector<std::string> chunks;
    Status end;
  };

  mutable std::mutex mutex_;
  std::map<std::string, HttpResponse> responses_;
  std::map<std::string, Script> streams_;
  std::vector<HttpRequest> requests_;
};

}  // namespace ccspm::kube::testing
