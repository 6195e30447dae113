#include "kube/resource.h"

#include <gtest/gtest.h>

#include "kube/object_meta.h"
#include "kube/url.h"

namespace ccspm::kube {
namespace {

const ResourceType kConfigMaps{"", "v1", "configmaps", "ConfigMap", true};
const ResourceType kDeployments{"apps", "v1", "deployments", "Deployment", true};
const ResourceType kClusterRoles{"rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole",
                                 false};

TEST(ResourceTypeTest, ApiVersionOmitsTheCoreGroup) {
  EXPECT_EQ(kConfigMaps.ApiVersion(), "v1");
  EXPECT_EQ(kDeployments.ApiVersion(), "apps/v1");
}

TEST(ResourceTypeTest, BuildsCorePaths) {
  EXPECT_EQ(kConfigMaps.ApiPath(), "/api/v1/configmaps");
  EXPECT_EQ(kConfigMaps.ApiPath("prod"), "/api/v1/namespaces/prod/configmaps");
  EXPECT_EQ(kConfigMaps.ApiPath("prod", "web"), "/api/v1/namespaces/prod/configmaps/web");
}

TEST(ResourceTypeTest, BuildsGroupPathsWithSubresources) {
  EXPECT_EQ(kDeployments.ApiPath("prod", "web", "status"),
            "/apis/apps/v1/namespaces/prod/deployments/web/status");
  EXPECT_EQ(kDeployments.ApiPath("", "", "status"), "/apis/apps/v1/deployments");
}

TEST(ResourceTypeTest, ClusterScopedPathsIgnoreTheNamespace) {
  EXPECT_EQ(kClusterRoles.ApiPath("prod", "admin"),
            "/apis/rbac.authorization.k8s.io/v1/clusterroles/admin");
  EXPECT_EQ(NamespacesResource().ApiPath("", "kube-system"), "/api/v1/namespaces/kube-system");
}

TEST(ResourceTypeTest, EscapesHostileSegments) {
  EXPECT_EQ(kConfigMaps.ApiPath("a/../b", "x?watch=1"),
            "/api/v1/namespaces/a%2F..%2Fb/configmaps/x%3Fwatch%3D1");
}

TEST(UrlTest, QueryStringSkipsEmptyValuesAndEncodes) {
  EXPECT_EQ(QueryString({}), "");
  EXPECT_EQ(QueryString({{"a", ""}}), "");
  EXPECT_EQ(QueryString({{"labelSelector", "app=web,tier in (a,b)"}, {"limit", "5"}}),
            "?labelSelector=app%3Dweb%2Ctier%20in%20%28a%2Cb%29&limit=5");
}

TEST(ObjectMetaTest, KeysNamespacedAndClusterScopedObjects) {
  Result<JsonDocument> pod = ParseJson(
      R"({"metadata":{"name":"web","namespace":"prod","resourceVersion":"7","uid":"u"}})");
  ASSERT_TRUE(pod.ok());
  EXPECT_EQ(ObjectKey(*pod), "prod/web");
  EXPECT_EQ(ObjectResourceVersion(*pod), "7");
  EXPECT_EQ(ObjectUid(*pod), "u");
  EXPECT_EQ(ObjectKey("", "node-1"), "node-1");

  Result<JsonDocument> bare = ParseJson(R"({"metadata":"not an object"})");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(ObjectName(*bare), "");
}

}  // namespace
}  // namespace ccspm::kube
