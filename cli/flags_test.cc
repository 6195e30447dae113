#include "cli/flags.h"

#include <gtest/gtest.h>

#include "cli/controller_command.h"
#include "cli/webhook_command.h"

namespace ccspm::cli {
namespace {

TEST(ParseFlagsTest, AcceptsBothSpellingsAndNamesTheBadFlag) {
  Result<WebhookFlags> flags = ParseWebhookFlags(
      {"--tls-cert-file", "c.pem", "--tls-private-key-file=k.pem", "--port", "8443"});
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  EXPECT_EQ(flags->options.cert_file, "c.pem");
  EXPECT_EQ(flags->options.key_file, "k.pem");
  EXPECT_EQ(flags->options.port, 8443);

  EXPECT_EQ(ParseWebhookFlags({"--port", "99999"}).status().message(),
            "--port: \"99999\" is not a whole number from 1 to 65535");
  EXPECT_EQ(ParseWebhookFlags({"--tls-cert-file"}).status().message(),
            "--tls-cert-file: needs a value");
  EXPECT_EQ(ParseWebhookFlags({"--port", "1"}).status().message(), "--tls-cert-file is required");
  EXPECT_EQ(ParseWebhookFlags({"positional"}).status().message(), "unexpected argument positional");
  EXPECT_TRUE(ParseWebhookFlags({"--help"})->help);

  Result<WebhookFlags> limits =
      ParseWebhookFlags({"--tls-cert-file=c", "--tls-private-key-file=k",
                         "--max-concurrent-requests", "128", "--request-deadline=20"});
  ASSERT_TRUE(limits.ok()) << limits.status().ToString();
  EXPECT_EQ(limits->options.max_concurrent_requests, 128);
  EXPECT_EQ(limits->options.request_deadline_seconds, 20);
}

TEST(ParseFlagsTest, ControllerExclusionsReplaceTheDefault) {
  Result<ControllerFlags> defaults = ParseControllerFlags({});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->options.excluded_namespaces, std::vector<std::string>{"kube-system"});

  Result<ControllerFlags> flags =
      ParseControllerFlags({"--exclude-namespace", "a", "--exclude-namespace=b", "--workers", "4",
                            "--log-level", "debug"});
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  EXPECT_EQ(flags->options.excluded_namespaces, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(flags->options.workers, 4);
  EXPECT_EQ(flags->log_level, log::Level::kDebug);
  EXPECT_EQ(ParseControllerFlags({"--log-level", "loud"}).status().message(),
            "--log-level: \"loud\" is not one of debug, info, warn, error");
  EXPECT_EQ(ParseControllerFlags({"--nope", "1"}).status().message(), "unknown flag --nope");
}

// Every flag the usage text names, and nothing else, is one the parser takes.
std::vector<std::string> FlagsIn(std::string_view usage) {
  std::vector<std::string> flags;
  for (size_t at = usage.find("  --"); at != std::string_view::npos;
       at = usage.find("  --", at + 1)) {
    const size_t end = usage.find_first_of(" =\n", at + 2);
    flags.emplace_back(usage.substr(at + 2, end - at - 2));
  }
  return flags;
}

TEST(ParseFlagsTest, EveryFlagInTheUsageIsParsed) {
  const std::vector<std::string> controller = FlagsIn(ControllerUsage());
  ASSERT_EQ(controller.size(), 13u);
  for (const std::string& flag : controller) {
    Result<ControllerFlags> parsed = ParseControllerFlags({flag, "1"});
    EXPECT_EQ(parsed.status().message().find("unknown flag"), std::string::npos) << flag;
  }
  const std::vector<std::string> webhook = FlagsIn(WebhookUsage());
  ASSERT_GE(webhook.size(), 8u);
  for (const std::string& flag : webhook) {
    Result<WebhookFlags> parsed = ParseWebhookFlags({flag, "1"});
    EXPECT_EQ(parsed.status().message().find("unknown flag"), std::string::npos) << flag;
  }
}

TEST(ParseFlagsTest, ControllerLeaderElectionAndRepairLimits) {
  Result<ControllerFlags> flags = ParseControllerFlags(
      {"--leader-elect=true", "--leader-elect-namespace", "ccspm", "--leader-elect-lease", "l",
       "--leader-elect-identity", "pod-a", "--max-repairs", "3", "--repair-window", "60"});
  ASSERT_TRUE(flags.ok()) << flags.status().ToString();
  EXPECT_TRUE(flags->options.leader_elect);
  EXPECT_EQ(flags->options.leader_elect_namespace, "ccspm");
  EXPECT_EQ(flags->options.leader_elect_lease, "l");
  EXPECT_EQ(flags->options.leader_elect_identity, "pod-a");
  EXPECT_EQ(flags->options.max_repairs_per_window, 3);
  EXPECT_EQ(flags->options.repair_window_seconds, 60);
  EXPECT_EQ(ParseControllerFlags({"--leader-elect", "yes"}).status().message(),
            "--leader-elect: \"yes\" is not true or false");
}

}  // namespace
}  // namespace ccspm::cli
