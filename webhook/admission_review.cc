#include "webhook/admission_review.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/base64.h"
#include "base/json_text.h"

namespace ccspm::webhook {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Reads `parent.key` into `out`. Absent is fine unless `required`; another type never is.
Status ReadString(const JsonValue& parent, std::string_view key, std::string_view path,
                  bool required, std::string* out) {
  const JsonValue* member = FindMember(parent, key);
  if (member == nullptr || (member->IsNull() && !required)) {
    if (required) return InvalidError(std::string(path) + ": missing");
    return Status::Ok();
  }
  if (!member->IsString()) return InvalidError(std::string(path) + ": must be a string");

  *out = std::string(AsStringView(*member));
  if (required && out->empty()) return InvalidError(std::string(path) + ": must not be empty");
  return Status::Ok();
}

// An embedded object: nullptr when absent or null, an error when it is not an object.
Result<const JsonValue*> ReadObject(const JsonValue& parent, std::string_view key,
                                    std::string_view path) {
  const JsonValue* member = FindMember(parent, key);
  if (member == nullptr || member->IsNull()) return static_cast<const JsonValue*>(nullptr);
  if (!member->IsObject()) return InvalidError(std::string(path) + ": must be an object");
  return member;
}

Status ReadKind(const JsonValue& request, GroupVersionKind* kind) {
  const JsonValue* gvk = FindMember(request, "kind");
  if (gvk == nullptr) return InvalidError("request.kind: missing");
  if (!gvk->IsObject()) return InvalidError("request.kind: must be an object");
  CCSPM_RETURN_IF_ERROR(ReadString(*gvk, "group", "request.kind.group", false, &kind->group));
  CCSPM_RETURN_IF_ERROR(ReadString(*gvk, "version", "request.kind.version", true, &kind->version));
  return ReadString(*gvk, "kind", "request.kind.kind", true, &kind->kind);
}

Status ReadResource(const JsonValue& request, GroupVersionResource* resource) {
  const JsonValue* gvr = FindMember(request, "resource");
  if (gvr == nullptr) return InvalidError("request.resource: missing");
  if (!gvr->IsObject()) return InvalidError("request.resource: must be an object");
  CCSPM_RETURN_IF_ERROR(
      ReadString(*gvr, "group", "request.resource.group", false, &resource->group));
  CCSPM_RETURN_IF_ERROR(
      ReadString(*gvr, "version", "request.resource.version", true, &resource->version));
  return ReadString(*gvr, "resource", "request.resource.resource", true, &resource->resource);
}

Status ReadOperation(const JsonValue& request, std::string* operation) {
  CCSPM_RETURN_IF_ERROR(ReadString(request, "operation", "request.operation", true, operation));
  for (const char* known : {"CREATE", "UPDATE", "DELETE", "CONNECT"}) {
    if (*operation == known) return Status::Ok();
  }
  return InvalidError("request.operation: unknown operation \"" + *operation + "\"");
}

Status ReadUserAndDryRun(const JsonValue& request, AdmissionRequest* out) {
  if (const JsonValue* user = FindMember(request, "userInfo"); user != nullptr) {
    if (!user->IsObject()) return InvalidError("request.userInfo: must be an object");
    CCSPM_RETURN_IF_ERROR(
        ReadString(*user, "username", "request.userInfo.username", false, &out->username));
  }

  const JsonValue* dry_run = FindMember(request, "dryRun");
  if (dry_run == nullptr || dry_run->IsNull()) return Status::Ok();
  if (!dry_run->IsBool()) return InvalidError("request.dryRun: must be a boolean");
  out->dry_run = dry_run->GetBool();
  return Status::Ok();
}

// Text from the request (the uid, names) may be any bytes; what is written is always valid
// UTF-8 JSON, with invalid sequences replaced by U+FFFD.
void WriteString(JsonWriter& writer, std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  AppendJsonString(quoted, text);
  writer.RawValue(quoted.data(), quoted.size(), rapidjson::kStringType);
}

void WriteStatus(JsonWriter& writer, const AdmissionResponse& response) {
  writer.Key("status");
  writer.StartObject();
  writer.Key("code");
  writer.Int(response.status_code);
  writer.Key("reason");
  WriteString(writer, response.status_reason);
  writer.Key("message");
  WriteString(writer, response.status_message);
  writer.EndObject();
}

}  // namespace

Status CheckReviewType(const JsonValue& review) {
  std::string_view api_version = StringMember(review, "apiVersion", "<no apiVersion>");
  std::string_view kind = StringMember(review, "kind", "<no kind>");
  if (review.IsObject() && api_version == kAdmissionApiVersion && kind == kAdmissionReviewKind) {
    return Status::Ok();
  }
  if (!review.IsObject()) return InvalidError("expected a JSON object, got another JSON value");
  return InvalidError(std::string("expected ") + kAdmissionApiVersion + " " + kAdmissionReviewKind +
                      ", got " + std::string(api_version) + " " + std::string(kind));
}

Result<AdmissionRequest> DecodeAdmissionRequest(const JsonValue& review) {
  const JsonValue* request = FindMember(review, "request");
  if (request == nullptr || request->IsNull()) return InvalidError("request: missing");
  if (!request->IsObject()) return InvalidError("request: must be an object");

  AdmissionRequest out;
  CCSPM_RETURN_IF_ERROR(ReadString(*request, "uid", "request.uid", true, &out.uid));
  CCSPM_RETURN_IF_ERROR(ReadKind(*request, &out.kind));
  CCSPM_RETURN_IF_ERROR(ReadResource(*request, &out.resource));
  CCSPM_RETURN_IF_ERROR(
      ReadString(*request, "subResource", "request.subResource", false, &out.sub_resource));
  CCSPM_RETURN_IF_ERROR(
      ReadString(*request, "namespace", "request.namespace", false, &out.namespace_name));
  CCSPM_RETURN_IF_ERROR(ReadString(*request, "name", "request.name", false, &out.name));
  CCSPM_RETURN_IF_ERROR(ReadOperation(*request, &out.operation));
  CCSPM_RETURN_IF_ERROR(ReadUserAndDryRun(*request, &out));

  Result<const JsonValue*> object = ReadObject(*request, "object", "request.object");
  if (!object.ok()) return object.status();
  out.object = *object;

  Result<const JsonValue*> old_object = ReadObject(*request, "oldObject", "request.oldObject");
  if (!old_object.ok()) return old_object.status();
  out.old_object = *old_object;
  out.request = request;
  return out;
}

std::string EncodeAdmissionReview(const AdmissionResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("apiVersion");
  writer.String(kAdmissionApiVersion);
  writer.Key("kind");
  writer.String(kAdmissionReviewKind);

  writer.Key("response");
  writer.StartObject();
  writer.Key("uid");
  WriteString(writer, response.uid);
  writer.Key("allowed");
  writer.Bool(response.allowed);
  if (!response.allowed) WriteStatus(writer, response);

  if (!response.warnings.empty()) {
    writer.Key("warnings");
    writer.StartArray();
    for (const std::string& warning : response.warnings) WriteString(writer, warning);
    writer.EndArray();
  }

  if (!response.patch.empty()) {
    writer.Key("patchType");
    writer.String("JSONPatch");
    writer.Key("patch");
    WriteString(writer, Base64Encode(response.patch));
  }

  if (!response.audit_annotations.empty()) {
    writer.Key("auditAnnotations");
    writer.StartObject();
    for (const auto& [key, value] : response.audit_annotations) {
      WriteString(writer, key);
      WriteString(writer, value);
    }
    writer.EndObject();
  }

  writer.EndObject();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace ccspm::webhook
