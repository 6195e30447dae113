#include <gtest/gtest.h>

#include <string>

#include "kube/config.h"
#include "kube/testing/temp_dir.h"

namespace ccspm::kube {
namespace {

using testing::TempDir;

// base64 of "CA PEM", "CERT PEM" and "KEY PEM".
constexpr const char* kInline = R"(apiVersion: v1
kind: Config
current-context: dev
contexts:
- name: dev
  context: {cluster: local, user: alice, namespace: team-a}
- name: ops
  context: {cluster: local, user: bob}
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: Q0EgUEVN
users:
- name: alice
  user:
    client-certificate-data: Q0VSVCBQRU0=
    client-key-data: S0VZIFBFTQ==
- name: bob
  user:
    token: bob-token
)";

bool Contains(const Status& status, const std::string& text) {
  return status.message().find(text) != std::string::npos;
}

TEST(LoadKubeconfigTest, ReadsInlineDataOfTheCurrentContext) {
  TempDir dir;
  Result<ClusterConfig> config = LoadKubeconfig(dir.Write("config", kInline));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://127.0.0.1:6443");
  EXPECT_EQ(config->ca_pem, "CA PEM");
  EXPECT_EQ(config->client_cert_pem, "CERT PEM");
  EXPECT_EQ(config->client_key_pem, "KEY PEM");
  EXPECT_EQ(config->bearer_token, "");
  EXPECT_EQ(config->default_namespace, "team-a");
}

TEST(LoadKubeconfigTest, SelectsAnExplicitContext) {
  TempDir dir;
  Result<ClusterConfig> config = LoadKubeconfig(dir.Write("config", kInline), "ops");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->bearer_token, "bob-token");
  EXPECT_EQ(config->client_cert_pem, "");
  EXPECT_EQ(config->default_namespace, "default");
}

TEST(LoadKubeconfigTest, ResolvesRelativeFilesAgainstTheKubeconfigFolder) {
  TempDir dir;
  dir.Write("kube/pki/ca.crt", "CA FROM FILE");
  dir.Write("kube/pki/client.crt", "CERT FROM FILE");
  dir.Write("abs.key", "KEY FROM FILE");
  dir.Write("kube/token", "  file-token\n");
  std::string path = dir.Write("kube/config", R"(current-context: c
contexts: [{name: c, context: {cluster: k, user: u}}]
clusters:
- name: k
  cluster: {server: "https://kube.example:443", certificate-authority: pki/ca.crt}
users:
- name: u
  user:
    client-certificate: pki/client.crt
    client-key: )" + dir.path() + R"(/abs.key
    tokenFile: token
)");

  Result<ClusterConfig> config = LoadKubeconfig(path);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->ca_pem, "CA FROM FILE");
  EXPECT_EQ(config->client_cert_pem, "CERT FROM FILE");
  EXPECT_EQ(config->client_key_pem, "KEY FROM FILE");
  EXPECT_EQ(config->bearer_token, "file-token");
  EXPECT_EQ(config->bearer_token_file, dir.path() + "/kube/token");
}

TEST(LoadKubeconfigTest, ErrorsNameTheFileAndTheProblem) {
  TempDir dir;
  struct Case {
    const char* name;
    std::string yaml;
    ErrorKind kind;
    const char* expected;
  };
  const std::string head =
      "current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\n";
  const std::string users = "users: [{name: u, user: {token: t}}]\n";
  const Case cases[] = {
      {"bad-yaml", "a: [1, 2", ErrorKind::kInvalid, "invalid YAML"},
      {"not-map", "- 1\n- 2\n", ErrorKind::kInvalid, "must be a YAML mapping"},
      {"no-current", "contexts: []\n", ErrorKind::kInvalid, "no current-context"},
      {"no-context", "current-context: gone\ncontexts: []\n", ErrorKind::kNotFound,
       "no entry \"gone\" in contexts"},
      {"no-cluster", head + users, ErrorKind::kNotFound, "no entry \"k\" in clusters"},
      {"no-server", head + "clusters: [{name: k, cluster: {}}]\n" + users, ErrorKind::kInvalid,
       "cluster \"k\": server is missing"},
      {"http", head + "clusters: [{name: k, cluster: {server: 'http://x'}}]\n" + users,
       ErrorKind::kInvalid, "is not an https:// URL"},
      {"insecure",
       head +
           "clusters: [{name: k, cluster: {server: 'https://x', "
           "insecure-skip-tls-verify: true}}]\n" +
           users,
       ErrorKind::kInvalid, "insecure-skip-tls-verify is not supported"},
      {"missing-ca",
       head +
           "clusters: [{name: k, cluster: {server: 'https://x', "
           "certificate-authority: nope.crt}}]\n" +
           users,
       ErrorKind::kNotFound, "certificate-authority: cannot read"},
      {"bad-base64",
       head +
           "clusters: [{name: k, cluster: {server: 'https://x', "
           "certificate-authority-data: '!!!'}}]\n" +
           users,
       ErrorKind::kInvalid, "certificate-authority-data: invalid base64"},
      {"cert-no-key",
       head + "clusters: [{name: k, cluster: {server: 'https://x'}}]\n"
              "users: [{name: u, user: {client-certificate-data: QQ==}}]\n",
       ErrorKind::kInvalid, "user \"u\": client-certificate without client-key"},
      {"exec",
       head + "clusters: [{name: k, cluster: {server: 'https://x'}}]\n"
              "users: [{name: u, user: {exec: {command: aws}}}]\n",
       ErrorKind::kInvalid, "exec is not supported"},
      {"token-list",
       head + "clusters: [{name: k, cluster: {server: 'https://x'}}]\n"
              "users: [{name: u, user: {token: [a]}}]\n",
       ErrorKind::kInvalid, "token must be a string"},
  };
  for (const Case& c : cases) {
    std::string path = dir.Write(c.name, c.yaml);
    Result<ClusterConfig> config = LoadKubeconfig(path);
    ASSERT_FALSE(config.ok()) << c.name;
    EXPECT_EQ(config.status().kind(), c.kind) << c.name << ": " << config.status().ToString();
    EXPECT_TRUE(Contains(config.status(), c.expected))
        << c.name << ": " << config.status().ToString();
    EXPECT_TRUE(Contains(config.status(), path) || c.kind == ErrorKind::kNotFound)
        << c.name << " does not name the file: " << config.status().ToString();
  }
}

TEST(LoadKubeconfigTest, MissingFileIsNotFound) {
  Result<ClusterConfig> config = LoadKubeconfig("/nonexistent/ccspm/kubeconfig");
  EXPECT_EQ(config.status().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(Contains(config.status(), "/nonexistent/ccspm/kubeconfig"));
}

TEST(LoadKubeconfigListTest, FirstFileToDefineANameWins) {
  TempDir dir;
  std::string first = dir.Write("a", R"(current-context: c
contexts: [{name: c, context: {cluster: k, user: u}}]
users: [{name: u, user: {token: from-a}}]
)");
  std::string second = dir.Write("b", R"(current-context: other
clusters: [{name: k, cluster: {server: "https://b:1"}}]
users: [{name: u, user: {token: from-b}}]
)");
  Result<ClusterConfig> config =
      LoadKubeconfigList(dir.path() + "/missing:" + first + "::" + second);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://b:1");
  EXPECT_EQ(config->bearer_token, "from-a");

  EXPECT_EQ(LoadKubeconfigList(dir.path() + "/x:" + dir.path() + "/y").status().kind(),
            ErrorKind::kNotFound);
}

}  // namespace
}  // namespace ccspm::kube
