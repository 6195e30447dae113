#include "engine/match.h"

#include <algorithm>

namespace ccspm::engine {
namespace {

bool KindListed(const MatchSpec& match, std::string_view group, std::string_view kind) {
  return std::any_of(match.kinds.begin(), match.kinds.end(), [&](const KindSelector& s) {
    bool group_ok = s.group == "*" || s.group == group || (s.kind == "*" && s.group.empty());
    return group_ok && (s.kind == "*" || s.kind == kind);
  });
}

bool AnyNameMatches(const std::vector<std::string>& patterns, std::string_view name) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return NameMatches(pattern, name); });
}

bool NamespaceSelected(const MatchSpec& match, std::string_view namespace_name) {
  if (!namespace_name.empty() && AnyNameMatches(match.exclude_namespaces, namespace_name)) {
    return false;
  }
  if (match.namespaces.empty()) return true;
  return !namespace_name.empty() && AnyNameMatches(match.namespaces, namespace_name);
}

}  // namespace

bool NameMatches(std::string_view pattern, std::string_view name) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return name.substr(0, pattern.size()) == pattern;
  }
  return pattern == name;
}

ObjectIdentity ObjectIdentity::FromObject(const JsonValue& object) {
  ObjectIdentity identity;
  std::string_view api_version = StringMember(object, "apiVersion");
  size_t slash = api_version.find('/');
  if (slash != std::string_view::npos) identity.group = std::string(api_version.substr(0, slash));
  identity.kind = std::string(StringMember(object, "kind"));

  if (const JsonValue* metadata = FindMember(object, "metadata"); metadata != nullptr) {
    identity.namespace_name = std::string(StringMember(*metadata, "namespace"));
    identity.name = std::string(StringMember(*metadata, "name"));
    identity.labels = FindMember(*metadata, "labels");
  }
  return identity;
}

std::optional<MatchResult> MatchPolicy(const Policy& policy, const ObjectIdentity& object) {
  if (!NamespaceSelected(policy.match, object.namespace_name)) return std::nullopt;
  if (!policy.match.selector.Matches(object.labels)) return std::nullopt;

  if (KindListed(policy.match, object.group, object.kind)) return MatchResult{};

  // A pod controller matches a Pod policy through its template, unless the policy opted out.
  if (!policy.match.pod_controllers || !KindListed(policy.match, "", "Pod")) return std::nullopt;
  std::optional<PodTemplateLocation> location = FindPodTemplate(object.group, object.kind);
  if (!location.has_value()) return std::nullopt;
  return MatchResult{std::move(location)};
}

}  // namespace ccspm::engine
