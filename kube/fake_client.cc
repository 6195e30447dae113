#include "kube/fake_client.h"

#include "kube/event_builder.h"
#include "kube/fake_client_support.h"
#include "base/json_patch.h"
#include "kube/object_meta.h"

namespace ccspm::kube {

using fake::Copy;
using fake::TypeKey;

Result<JsonDocument> FakeClient::Get(const ResourceType& type, std::string_view ns,
                                     std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Objects& objects = objects_[TypeKey(type)];
  auto it = objects.find(ObjectKey(type.namespaced ? ns : "", name));
  if (it == objects.end()) return fake::NotFound(type, name);
  return Copy(*it->second);
}

Result<ObjectList> FakeClient::List(const ResourceType& type, const ListOptions& options) {
  Result<fake::Filter> filter = fake::Filter::Parse(type.namespaced ? options.namespace_name : "",
                                                    options.label_selector, options.field_selector);
  if (!filter.ok()) return filter.status();

  std::lock_guard<std::mutex> lock(mutex_);
  ObjectList list;
  for (const auto& [key, object] : objects_[TypeKey(type)]) {
    if (filter->Matches(*object)) list.items.push_back(Copy(*object));
  }
  list.resource_version = std::to_string(resource_version_);
  return list;
}

Result<JsonDocument> FakeClient::Create(const ResourceType& type, std::string_view ns,
                                        const JsonValue& object, const WriteOptions& options) {
  if (!object.IsObject()) return InvalidError("object to create is not a JSON object");
  if (type.namespaced && ns.empty()) return InvalidError("a namespaced object needs a namespace");
  JsonDocument created = Copy(object);
  auto& allocator = created.GetAllocator();
  if (FindMember(created, "apiVersion") == nullptr) {
    fake::SetString(created, "apiVersion", type.ApiVersion(), allocator);
  }
  if (FindMember(created, "kind") == nullptr)
    fake::SetString(created, "kind", type.kind, allocator);
  // Taken after the root gains members: adding them may move the members array.
  JsonValue& metadata = fake::EnsureObjectMember(created, "metadata");

  std::string_view object_ns = ObjectNamespace(created);
  if (type.namespaced && !object_ns.empty() && object_ns != ns) {
    return InvalidError("the namespace of the object does not match the namespace of the request");
  }
  if (!ObjectResourceVersion(created).empty()) {
    return InvalidError("resourceVersion should not be set on objects to be created");
  }

  std::lock_guard<std::mutex> lock(mutex_);
  std::string name(ObjectName(created));
  if (name.empty()) {
    std::string_view prefix = StringMember(metadata, "generateName");
    if (prefix.empty()) return InvalidError("metadata.name or metadata.generateName is required");
    name = std::string(prefix) + fake::GeneratedSuffix(next_id_++);
  }

  Objects& objects = objects_[TypeKey(type)];
  std::string key = ObjectKey(type.namespaced ? ns : "", name);
  if (objects.contains(key)) {
    return Status(ErrorKind::kConflict, type.resource + " \"" + name + "\" already exists");
  }

  fake::SetString(metadata, "name", name, allocator);
  if (type.namespaced) {
    fake::SetString(metadata, "namespace", ns, allocator);
  } else {
    metadata.EraseMember("namespace");  // The API server drops it for cluster-scoped kinds.
  }
  fake::SetString(metadata, "uid", fake::Uid(next_id_++), allocator);
  fake::SetString(metadata, "creationTimestamp", Rfc3339Now(), allocator);
  fake::SetInt(metadata, "generation", 1, allocator);
  if (options.dry_run) return created;

  fake::SetString(metadata, "resourceVersion", std::to_string(++resource_version_), allocator);
  auto stored = std::make_shared<const JsonDocument>(Copy(created));
  objects[key] = stored;
  Publish(type, WatchEventType::kAdded, stored);
  return created;
}

Result<JsonDocument> FakeClient::Patch(const ResourceType& type, std::string_view ns,
                                       std::string_view name, PatchType patch_type,
                                       const JsonValue& patch, const WriteOptions& options) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = ObjectKey(type.namespaced ? ns : "", name);
  const Objects& objects = objects_[TypeKey(type)];
  auto it = objects.find(key);
  if (it == objects.end()) return fake::NotFound(type, name);
  std::shared_ptr<const JsonDocument> stored = it->second;

  JsonDocument updated = Copy(*stored);
  if (patch_type == PatchType::kJsonPatch) {
    CCSPM_RETURN_IF_ERROR(ApplyJsonPatch(patch, updated));
  } else {
    if (!patch.IsObject()) return InvalidError("a merge patch must be an object");
    ApplyMergePatch(patch, updated, updated.GetAllocator());
  }
  return CommitUpdate(type, key, *stored, std::move(updated), false, options);
}

Result<JsonDocument> FakeClient::PatchStatus(const ResourceType& type, std::string_view ns,
                                             std::string_view name, const JsonValue& merge_patch,
                                             const WriteOptions& options) {
  if (!merge_patch.IsObject()) return InvalidError("a merge patch must be an object");
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = ObjectKey(type.namespaced ? ns : "", name);
  const Objects& objects = objects_[TypeKey(type)];
  auto it = objects.find(key);
  if (it == objects.end()) return fake::NotFound(type, name);
  std::shared_ptr<const JsonDocument> stored = it->second;

  JsonDocument updated = Copy(*stored);
  ApplyMergePatch(merge_patch, updated, updated.GetAllocator());
  return CommitUpdate(type, key, *stored, std::move(updated), true, options);
}

Result<JsonDocument> FakeClient::CommitUpdate(const ResourceType& type, const std::string& key,
                                              const JsonDocument& stored, JsonDocument updated,
                                              bool status_only, const WriteOptions& options) {
  if (!updated.IsObject()) return InvalidError("the patched object is not a JSON object");
  std::string_view requested = ObjectResourceVersion(updated);
  if (!requested.empty() && requested != ObjectResourceVersion(stored)) {
    return Status(ErrorKind::kConflict,
                  "Operation cannot be fulfilled on " + type.resource + " \"" +
                      std::string(ObjectName(stored)) +
                      "\": the object has been modified; please apply your changes to the "
                      "latest version and try again");
  }
  if (ObjectName(updated) != ObjectName(stored) ||
      ObjectNamespace(updated) != ObjectNamespace(stored)) {
    return InvalidError("metadata.name and metadata.namespace cannot be changed");
  }

  // The status subresource and the main resource each ignore the other's part.
  JsonDocument result = status_only ? Copy(stored) : std::move(updated);
  if (status_only) {
    fake::CopyMember(updated, "status", result);
  } else {
    fake::CopyMember(stored, "status", result);
    fake::CopyServerMetadata(stored, result);
  }
  if (result == stored) return result;  // A no-op write changes nothing, not even the version.

  JsonValue& metadata = fake::EnsureObjectMember(result, "metadata");
  if (!status_only && fake::SpecChanged(stored, result)) {
    const JsonValue* generation = FindPath(stored, "metadata.generation");
    int64_t next = generation != nullptr && generation->IsInt64() ? generation->GetInt64() + 1 : 1;
    fake::SetInt(metadata, "generation", next, result.GetAllocator());
  }
  if (options.dry_run) return result;

  fake::SetString(metadata, "resourceVersion", std::to_string(++resource_version_),
                  result.GetAllocator());
  auto saved = std::make_shared<const JsonDocument>(Copy(result));
  objects_[TypeKey(type)][key] = saved;
  Publish(type, WatchEventType::kModified, saved);
  return result;
}

Status FakeClient::Delete(const ResourceType& type, std::string_view ns, std::string_view name,
                          const WriteOptions& options) {
  std::lock_guard<std::mutex> lock(mutex_);
  Objects& objects = objects_[TypeKey(type)];
  auto it = objects.find(ObjectKey(type.namespaced ? ns : "", name));
  if (it == objects.end()) return fake::NotFound(type, name);
  if (options.dry_run) return Status::Ok();

  // The DELETED event carries the object at the version of its deletion.
  JsonDocument last = Copy(*it->second);
  fake::SetString(fake::EnsureObjectMember(last, "metadata"), "resourceVersion",
                  std::to_string(++resource_version_), last.GetAllocator());
  objects.erase(it);
  Publish(type, WatchEventType::kDeleted, std::make_shared<const JsonDocument>(std::move(last)));
  return Status::Ok();
}

Status FakeClient::RecordEvent(const ObjectReference& object, EventType type,
                               std::string_view reason, std::string_view message) {
  std::lock_guard<std::mutex> lock(mutex_);
  events_.push_back({object, type, std::string(reason), ShortenedMessage(message)});
  return Status::Ok();
}

std::vector<FakeClient::RecordedEvent> FakeClient::RecordedEvents() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_;
}

std::string FakeClient::CurrentResourceVersion() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::to_string(resource_version_);
}

void FakeClient::Publish(const ResourceType& type, WatchEventType event_type,
                         std::shared_ptr<const JsonDocument> object) {
  history_.push_back({resource_version_, TypeKey(type), event_type, std::move(object)});
  changed_.notify_all();
}

}  // namespace ccspm::kube
