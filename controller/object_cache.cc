#include "controller/object_cache.h"

#include "kube/object_meta.h"

namespace ccspm::controller {

std::string QueueKey(const kube::ResourceType& type, const JsonValue& object) {
  return type.group + "/" + type.version + "/" + type.resource + "|" + kube::ObjectKey(object);
}

}  // namespace ccspm::controller
