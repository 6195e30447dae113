#include "serving/observability.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>

namespace ccspm::serving {
namespace {

TEST(ObservabilityTest, ServesMetricsHealthAndReadiness) {
  std::atomic<bool> ready{false};
  Result<std::unique_ptr<HttpListener>> listener =
      StartObservabilityServer("127.0.0.1", 0,
                               {[] { return std::string("# HELP x y\n# TYPE x counter\nx 1\n"); },
                                [&ready] { return ready.load(); }});
  ASSERT_TRUE(listener.ok()) << listener.status().ToString();
  httplib::Client client("127.0.0.1", (*listener)->port());

  httplib::Result metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->body, "# HELP x y\n# TYPE x counter\nx 1\n");
  EXPECT_EQ(client.Get("/healthz")->status, 200);
  EXPECT_EQ(client.Get("/readyz")->status, 503);
  ready = true;
  EXPECT_EQ(client.Get("/readyz")->status, 200);

  (*listener)->Stop();
  EXPECT_FALSE(client.Get("/healthz")) << "a stopped listener must not answer";
}

}  // namespace
}  // namespace ccspm::serving
