// Every structured log key, in one place. Keys are snake_case and never change meaning.
#pragma once

namespace ccspm::log::key {

inline constexpr const char* kComponent = "component";
inline constexpr const char* kPolicy = "policy";
inline constexpr const char* kCheck = "check";
inline constexpr const char* kPath = "path";
inline constexpr const char* kResourceGroup = "resource_group";
inline constexpr const char* kResourceKind = "resource_kind";
inline constexpr const char* kResourceNamespace = "resource_namespace";
inline constexpr const char* kResourceName = "resource_name";
inline constexpr const char* kResourceVersion = "resource_version";
inline constexpr const char* kRequestUid = "request_uid";
inline constexpr const char* kOperation = "operation";
inline constexpr const char* kDecision = "decision";
inline constexpr const char* kAction = "action";
inline constexpr const char* kReason = "reason";
inline constexpr const char* kError = "error";
inline constexpr const char* kErrorKind = "error_kind";
inline constexpr const char* kAddress = "address";
inline constexpr const char* kUrl = "url";
inline constexpr const char* kHttpStatus = "http_status";
inline constexpr const char* kCount = "count";
inline constexpr const char* kDurationMs = "duration_ms";
inline constexpr const char* kFrom = "from";
inline constexpr const char* kTo = "to";
inline constexpr const char* kVersion = "version";
inline constexpr const char* kAttempt = "attempt";
inline constexpr const char* kWebhook = "webhook";
inline constexpr const char* kUsername = "username";
inline constexpr const char* kSubResource = "sub_resource";
inline constexpr const char* kIdentity = "identity";  // Leader election: this process.

}  // namespace ccspm::log::key
