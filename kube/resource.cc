#include "kube/resource.h"

#include "kube/url.h"

namespace ccspm::kube {

std::string ResourceType::ApiVersion() const {
  return group.empty() ? version : group + "/" + version;
}

std::string ResourceType::ApiPath(std::string_view ns, std::string_view name,
                                  std::string_view subresource) const {
  std::string path = group.empty() ? "/api/" + PercentEncode(version)
                                   : "/apis/" + PercentEncode(group) + "/" + PercentEncode(version);
  if (namespaced && !ns.empty()) path += "/namespaces/" + PercentEncode(ns);
  path += "/" + PercentEncode(resource);

  // A subresource without a name has no meaning in the API, so it is dropped with the name.
  if (name.empty()) return path;
  path += "/" + PercentEncode(name);
  if (!subresource.empty()) path += "/" + PercentEncode(subresource);
  return path;
}

ResourceType NamespacesResource() { return {"", "v1", "namespaces", "Namespace", false}; }

ResourceType EventsResource() { return {"", "v1", "events", "Event", true}; }

}  // namespace ccspm::kube
