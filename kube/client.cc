#include "kube/client.h"

#include <optional>
#include <utility>

#include "kube/json_exchange.h"
#include "kube/object_meta.h"
#include "kube/url.h"

namespace ccspm::kube {
namespace {

std::string WriteQuery(const WriteOptions& options, bool with_field_manager) {
  return QueryString({{"dryRun", options.dry_run ? "All" : ""},
                      {"fieldManager", with_field_manager ? options.field_manager : ""}});
}

// List items come without apiVersion and kind; handlers downstream need them.
void FillTypeMeta(const ResourceType& type, JsonDocument& object) {
  auto& allocator = object.GetAllocator();
  if (FindMember(object, "apiVersion") == nullptr) {
    object.AddMember("apiVersion", StringValue(type.ApiVersion(), allocator), allocator);
  }
  if (FindMember(object, "kind") == nullptr) {
    object.AddMember("kind", StringValue(type.kind, allocator), allocator);
  }
}

// Appends each item of `page` to `list` as its own document.
Status TakeItems(const ResourceType& type, const JsonValue& page, ObjectList* list) {
  const JsonValue* items = FindMember(page, "items");
  if (items == nullptr || !items->IsArray()) {
    // The API sends "items": null for an empty list.
    if (items == nullptr || items->IsNull()) return Status::Ok();
    return InvalidError("list response has no items array");
  }
  for (const JsonValue& item : items->GetArray()) {
    if (!item.IsObject()) return InvalidError("list item is not an object");
    JsonDocument document;
    document.CopyFrom(item, document.GetAllocator());
    FillTypeMeta(type, document);
    list->items.push_back(std::move(document));
  }
  return Status::Ok();
}

}  // namespace

Client::Client(std::shared_ptr<Transport> transport, ClientOptions options)
    : transport_(std::move(transport)),
      options_(std::move(options)),
      recent_events_(options_.event_aggregation) {}

Result<JsonDocument> Client::Exchange(const HttpRequest& request) {
  return ExchangeJson(*transport_, request);
}

Result<JsonDocument> Client::Get(const ResourceType& type, std::string_view ns,
                                 std::string_view name) {
  if (name.empty()) return InvalidError("Get needs a name");
  return Exchange({.method = "GET", .path = type.ApiPath(ns, name)});
}

Result<ObjectList> Client::List(const ResourceType& type, const ListOptions& options) {
  ObjectList list;
  std::string continue_token;

  // Pages of one list share its snapshot; an expired continue token is kGone, and the caller
  // starts over.
  do {
    std::string query = QueryString({{"labelSelector", options.label_selector},
                                     {"fieldSelector", options.field_selector},
                                     {"limit", std::to_string(options_.list_page_size)},
                                     {"continue", continue_token}});
    Result<JsonDocument> page =
        Exchange({.method = "GET", .path = type.ApiPath(options.namespace_name) + query});
    if (!page.ok()) return page.status();

    CCSPM_RETURN_IF_ERROR(TakeItems(type, *page, &list));
    const JsonValue* metadata = FindMember(*page, "metadata");
    if (metadata == nullptr) return InvalidError("list response has no metadata");
    if (list.resource_version.empty()) {
      list.resource_version = std::string(StringMember(*metadata, "resourceVersion"));
    }
    continue_token = std::string(StringMember(*metadata, "continue"));
  } while (!continue_token.empty());

  return list;
}

Result<JsonDocument> Client::Create(const ResourceType& type, std::string_view ns,
                                    const JsonValue& object, const WriteOptions& options) {
  if (type.namespaced && ns.empty()) return InvalidError("Create of a namespaced kind needs ns");
  return Exchange({.method = "POST",
                   .path = type.ApiPath(ns) + WriteQuery(options, true),
                   .body = ToJson(object),
                   .content_type = "application/json"});
}

Result<JsonDocument> Client::SendPatch(const std::string& path, PatchType patch_type,
                                       const JsonValue& patch, const WriteOptions& options) {
  if (patch_type == PatchType::kJsonPatch && !patch.IsArray()) {
    return InvalidError("a JSON patch must be an array of operations");
  }
  if (patch_type == PatchType::kMergePatch && !patch.IsObject()) {
    return InvalidError("a merge patch must be an object");
  }
  return Exchange({.method = "PATCH",
                   .path = path + WriteQuery(options, true),
                   .body = ToJson(patch),
                   .content_type = patch_type == PatchType::kJsonPatch
                                       ? "application/json-patch+json"
                                       : "application/merge-patch+json"});
}

Result<JsonDocument> Client::Patch(const ResourceType& type, std::string_view ns,
                                   std::string_view name, PatchType patch_type,
                                   const JsonValue& patch, const WriteOptions& options) {
  if (name.empty()) return InvalidError("Patch needs a name");
  return SendPatch(type.ApiPath(ns, name), patch_type, patch, options);
}

Result<JsonDocument> Client::PatchStatus(const ResourceType& type, std::string_view ns,
                                         std::string_view name, const JsonValue& merge_patch,
                                         const WriteOptions& options) {
  if (name.empty()) return InvalidError("PatchStatus needs a name");
  return SendPatch(type.ApiPath(ns, name, "status"), PatchType::kMergePatch, merge_patch, options);
}

Status Client::Delete(const ResourceType& type, std::string_view ns, std::string_view name,
                      const WriteOptions& options) {
  if (name.empty()) return InvalidError("Delete needs a name");
  Result<JsonDocument> deleted =
      Exchange({.method = "DELETE", .path = type.ApiPath(ns, name) + WriteQuery(options, false)});
  return deleted.status();
}

Status Client::RecordEvent(const ObjectReference& object, EventType type, std::string_view reason,
                           std::string_view message) {
  const std::string now = Rfc3339Now();
  const std::string key = EventAggregator::Key(object, type, reason, ShortenedMessage(message));

  if (std::optional<RecordedEvent> seen = recent_events_.Find(key)) {
    JsonDocument patch;
    patch.SetObject();
    patch.AddMember("count", seen->count + 1, patch.GetAllocator());
    patch.AddMember("lastTimestamp", StringValue(now, patch.GetAllocator()), patch.GetAllocator());
    Result<JsonDocument> patched =
        Patch(EventsResource(), seen->namespace_name, seen->name, PatchType::kMergePatch, patch);
    if (patched.ok()) {
      recent_events_.Remember(key, {seen->namespace_name, seen->name, seen->count + 1});
      return Status::Ok();
    }
    // Gone (Events expire, an hour by default) or unwritable: a new Event says it instead.
    if (patched.status().kind() != ErrorKind::kNotFound) return patched.status();
  }

  JsonDocument event = BuildEvent(object, type, reason, message, options_.event_source, now);
  const std::string ns = EventNamespace(object);
  Result<JsonDocument> created = Exchange({.method = "POST",
                                           .path = EventsResource().ApiPath(ns),
                                           .body = ToJson(event),
                                           .content_type = "application/json"});
  if (!created.ok()) return created.status();
  const std::string_view name = ObjectName(*created);
  if (!name.empty()) recent_events_.Remember(key, {ns, std::string(name), 1});
  return Status::Ok();
}

}  // namespace ccspm::kube
