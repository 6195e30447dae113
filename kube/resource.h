// What the client knows about a kind of Kubernetes object: where it lives in the REST API.
#pragma once

#include <string>
#include <string_view>

namespace ccspm::kube {

// One resource of one API group version, as discovery reports it. Plain value; copy freely.
struct ResourceType {
  std::string group;     // "" for the core group ("v1" objects such as ConfigMap).
  std::string version;   // "v1", "v1beta1", ...
  std::string resource;  // Lower-case plural used in paths: "configmaps".
  std::string kind;      // "ConfigMap".
  bool namespaced = true;

  // "v1" for the core group, "apps/v1" otherwise: the apiVersion field of these objects.
  std::string ApiVersion() const;

  // The REST path of a collection, an object or one of its subresources:
  //   /api/v1/configmaps                          (ns and name empty: all namespaces)
  //   /api/v1/namespaces/ns/configmaps            (a namespace)
  //   /apis/apps/v1/namespaces/ns/deployments/web (an object)
  //   /apis/apps/v1/namespaces/ns/deployments/web/status
  // `ns` is ignored for cluster-scoped resources. Each segment is percent-escaped, so a hostile
  // name cannot change the path.
  std::string ApiPath(std::string_view ns = {}, std::string_view name = {},
                      std::string_view subresource = {}) const;

  friend bool operator==(const ResourceType&, const ResourceType&) = default;
};

// Well-known core types the client itself needs.
ResourceType NamespacesResource();
ResourceType EventsResource();

}  // namespace ccspm::kube
