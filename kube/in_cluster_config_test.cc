#include <gtest/gtest.h>

#include <map>
#include <string>

#include "kube/config.h"
#include "kube/testing/temp_dir.h"

namespace ccspm::kube {
namespace {

using testing::TempDir;

// An environment made of a map, so tests do not touch the process environment.
EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(values));
  return [shared](const char* name) -> const char* {
    auto it = shared->find(name);
    return it == shared->end() ? nullptr : it->second.c_str();
  };
}

void WriteServiceAccount(const TempDir& dir) {
  dir.Write("sa/token", "sa-token\n");
  dir.Write("sa/ca.crt", "CLUSTER CA");
  dir.Write("sa/namespace", "ccspm-system");
}

TEST(LoadInClusterConfigTest, ReadsTheServiceAccount) {
  TempDir dir;
  WriteServiceAccount(dir);
  Result<ClusterConfig> config = LoadInClusterConfig(
      dir.path() + "/sa",
      FakeEnv({{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}}));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://10.0.0.1:443");
  EXPECT_EQ(config->bearer_token, "sa-token");
  EXPECT_EQ(config->bearer_token_file, dir.path() + "/sa/token");
  EXPECT_EQ(config->ca_pem, "CLUSTER CA");
  EXPECT_EQ(config->default_namespace, "ccspm-system");
}

TEST(LoadInClusterConfigTest, BracketsIpv6Hosts) {
  TempDir dir;
  WriteServiceAccount(dir);
  Result<ClusterConfig> config = LoadInClusterConfig(
      dir.path() + "/sa",
      FakeEnv({{"KUBERNETES_SERVICE_HOST", "fd00::1"}, {"KUBERNETES_SERVICE_PORT", "6443"}}));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->server, "https://[fd00::1]:6443");
}

TEST(LoadInClusterConfigTest, OutsideAClusterIsNotFound) {
  EXPECT_EQ(LoadInClusterConfig("/nonexistent", FakeEnv({})).status().kind(), ErrorKind::kNotFound);
}

TEST(LoadInClusterConfigTest, MissingTokenNamesTheFile) {
  TempDir dir;
  dir.Write("sa/ca.crt", "CA");
  Result<ClusterConfig> config = LoadInClusterConfig(
      dir.path() + "/sa",
      FakeEnv({{"KUBERNETES_SERVICE_HOST", "h"}, {"KUBERNETES_SERVICE_PORT", "1"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("sa/token"), std::string::npos);
}

TEST(LoadConfigTest, FollowsTheSearchOrder) {
  TempDir dir;
  WriteServiceAccount(dir);
  auto kubeconfig = [&](const std::string& name, const std::string& server) {
    return dir.Write(name,
                     "current-context: c\ncontexts: [{name: c, context: {cluster: k}}]\n"
                     "clusters: [{name: k, cluster: {server: '" +
                         server + "'}}]\n");
  };
  std::string explicit_path = kubeconfig("explicit", "https://explicit");
  std::string env_path = kubeconfig("env", "https://env");
  kubeconfig("home/.kube/config", "https://home");
  std::string sa = dir.path() + "/sa";

  std::map<std::string, std::string> env = {{"KUBECONFIG", env_path},
                                            {"KUBERNETES_SERVICE_HOST", "10.0.0.1"},
                                            {"KUBERNETES_SERVICE_PORT", "443"},
                                            {"HOME", dir.path() + "/home"}};
  EXPECT_EQ(LoadConfig(explicit_path, FakeEnv(env), sa)->server, "https://explicit");
  EXPECT_EQ(LoadConfig("", FakeEnv(env), sa)->server, "https://env");
  env.erase("KUBECONFIG");
  EXPECT_EQ(LoadConfig("", FakeEnv(env), sa)->server, "https://10.0.0.1:443");
  env.erase("KUBERNETES_SERVICE_HOST");
  EXPECT_EQ(LoadConfig("", FakeEnv(env), sa)->server, "https://home");
  env.erase("HOME");
  EXPECT_EQ(LoadConfig("", FakeEnv(env), sa).status().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace ccspm::kube
