#include "controller/policy_condition.h"

namespace ccspm::controller {
namespace {

const JsonValue* FindReadyCondition(const JsonValue& policy_object) {
  const JsonValue* conditions = FindPath(policy_object, "status.conditions");
  if (conditions == nullptr || !conditions->IsArray()) return nullptr;
  for (const JsonValue& condition : conditions->GetArray()) {
    if (StringMember(condition, "type") == "Ready") return &condition;
  }
  return nullptr;
}

int64_t Generation(const JsonValue& policy_object) {
  const JsonValue* generation = FindPath(policy_object, "metadata.generation");
  return generation != nullptr && generation->IsInt64() ? generation->GetInt64() : 0;
}

bool UpToDate(const JsonValue* current, std::string_view status, std::string_view reason,
              std::string_view message, int64_t generation) {
  if (current == nullptr) return false;
  const JsonValue* observed = FindMember(*current, "observedGeneration");
  return StringMember(*current, "status") == status && StringMember(*current, "reason") == reason &&
         StringMember(*current, "message") == message && observed != nullptr &&
         observed->IsInt64() && observed->GetInt64() == generation;
}

}  // namespace

std::optional<JsonDocument> ReadyConditionPatch(const JsonValue& policy_object,
                                                const Status& load_status, std::string_view now) {
  std::string_view status = load_status.ok() ? "True" : "False";
  std::string_view reason = load_status.ok() ? kReasonLoaded : kReasonInvalid;
  std::string message = load_status.ok() ? "the policy is in force" : load_status.message();
  int64_t generation = Generation(policy_object);

  const JsonValue* current = FindReadyCondition(policy_object);
  if (UpToDate(current, status, reason, message, generation)) return std::nullopt;

  std::string_view transition = now;
  if (current != nullptr && StringMember(*current, "status") == status) {
    transition = StringMember(*current, "lastTransitionTime", now);
  }

  JsonDocument patch(rapidjson::kObjectType);
  auto& allocator = patch.GetAllocator();
  JsonValue condition(rapidjson::kObjectType);
  condition.AddMember("type", "Ready", allocator);
  condition.AddMember("status", StringValue(status, allocator), allocator);
  condition.AddMember("reason", StringValue(reason, allocator), allocator);
  condition.AddMember("message", StringValue(message, allocator), allocator);
  condition.AddMember("observedGeneration", generation, allocator);
  condition.AddMember("lastTransitionTime", StringValue(transition, allocator), allocator);

  JsonValue conditions(rapidjson::kArrayType);
  conditions.PushBack(condition, allocator);
  JsonValue status_object(rapidjson::kObjectType);
  status_object.AddMember("observedGeneration", generation, allocator);
  status_object.AddMember("conditions", conditions, allocator);
  patch.AddMember("status", status_object, allocator);
  return patch;
}

}  // namespace ccspm::controller
