#include "engine/policy.h"

#include <gtest/gtest.h>

#include "engine/match.h"
#include "engine/policy_loader.h"
#include "engine/test_util.h"

namespace ccspm::engine {
namespace {

using testing::Json;

Status ParseError(std::string_view spec) {
  JsonDocument object = Json(std::string(R"({"kind":"GoldenPolicy","metadata":{"name":"p"},)") +
                             R"("spec":)" + std::string(spec) + "}");
  Result<Policy> policy = ParsePolicy(object);
  return policy.ok() ? Status::Ok() : policy.status();
}

TEST(ParsePolicyTest, ErrorsNameTheField) {
  EXPECT_EQ(ParseError(R"({})").message(), "spec.match: required");
  EXPECT_EQ(ParseError(R"({"match":{"kinds":[]}})").message(),
            "spec.match.kinds: at least one kind is required");
  EXPECT_EQ(ParseError(R"({"match":{"kinds":["Pod"]},"admission":{"action":"Block"}})").message(),
            "spec.admission.action: must be one of Deny, Warn, Audit");
  EXPECT_EQ(
      ParseError(R"({"match":{"kinds":["Pod"]},"settings":[{"id":"a","path":"spec[","value":1}]})")
          .message(),
      "spec.settings[0].path: path \"spec[\" column 6: expected '*', an index, a quoted key "
      "or name=value");
  EXPECT_EQ(
      ParseError(R"({"match":{"kinds":["Pod"]},"settings":[{"id":"a","path":"x"}]})").message(),
      "spec.settings[0].value: required");
  EXPECT_EQ(ParseError(R"({"match":{"kinds":["Pod"]},"settings":[{"id":"a","path":"x","value":1},
                          {"id":"a","path":"y","value":1}]})")
                .message(),
            "spec.settings[1].id: \"a\" is used twice");
  EXPECT_EQ(ParseError(R"({"match":{"kinds":["Pod"],"selector":{"matchExpressions":[
                          {"key":"a","operator":"In"}]}}})")
                .message(),
            "spec.match.selector.matchExpressions[0].values: required for In and NotIn");
}

TEST(ParsePolicyTest, ReadsDefaultsAndActions) {
  JsonDocument object = Json(R"({"kind":"GoldenPolicy","metadata":{"name":"p"},"spec":{
    "match":{"kinds":["apps/Deployment"],"namespaces":["team-*"],"excludeNamespaces":["team-x"]},
    "admission":{"action":"Audit"},"drift":{"action":"Remediate"},
    "settings":[{"id":"a","path":"spec.replicas","value":2,"severity":"high"}]}})");
  Result<Policy> policy = ParsePolicy(object);
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_EQ(policy->admission, AdmissionAction::kAudit);
  EXPECT_EQ(policy->drift, DriftAction::kRemediate);
  EXPECT_EQ(policy->settings[0].mode, SettingMode::kEnforce);
  EXPECT_EQ(policy->settings[0].severity, Severity::kHigh);
  EXPECT_EQ(policy->match.kinds[0].group, "apps");

  ObjectIdentity identity{"apps", "Deployment", "team-a", "web", nullptr};
  EXPECT_TRUE(MatchPolicy(*policy, identity).has_value());
  identity.namespace_name = "team-x";
  EXPECT_FALSE(MatchPolicy(*policy, identity).has_value());
  identity.namespace_name = "other";
  EXPECT_FALSE(MatchPolicy(*policy, identity).has_value());
  identity = {"", "Deployment", "team-a", "web", nullptr};
  EXPECT_FALSE(MatchPolicy(*policy, identity).has_value()) << "the group must match too";
}

TEST(MatchTest, LabelSelectorsFilterObjects) {
  JsonDocument object = Json(R"({"kind":"GoldenPolicy","metadata":{"name":"p"},"spec":{
    "match":{"kinds":["Pod"],"selector":{"matchLabels":{"tier":"web"},
      "matchExpressions":[{"key":"ccspm.io/ignore","operator":"DoesNotExist"}]}}}})");
  Result<Policy> policy = ParsePolicy(object);
  ASSERT_TRUE(policy.ok());

  JsonDocument web =
      Json(R"({"kind":"Pod","apiVersion":"v1","metadata":{"labels":{"tier":"web"}}})");
  JsonDocument ignored = Json(R"({"kind":"Pod","apiVersion":"v1",
    "metadata":{"labels":{"tier":"web","ccspm.io/ignore":"true"}}})");
  JsonDocument bare = Json(R"({"kind":"Pod","apiVersion":"v1","metadata":{}})");
  EXPECT_TRUE(MatchPolicy(*policy, ObjectIdentity::FromObject(web)).has_value());
  EXPECT_FALSE(MatchPolicy(*policy, ObjectIdentity::FromObject(ignored)).has_value());
  EXPECT_FALSE(MatchPolicy(*policy, ObjectIdentity::FromObject(bare)).has_value());
}

TEST(LoadPoliciesTest, SkipsBrokenPoliciesAndKeepsTheRest) {
  JsonDocument good = Json(R"({"kind":"GoldenPolicy","metadata":{"name":"good"},
    "spec":{"match":{"kinds":["Pod"]}}})");
  JsonDocument bad = Json(R"({"kind":"GoldenPolicy","metadata":{"name":"bad"},"spec":{}})");
  LoadedPolicies loaded = LoadPolicies({&good, &bad});
  ASSERT_EQ(loaded.set->policies().size(), 1u);
  EXPECT_EQ(loaded.set->policies()[0].name, "good");
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(loaded.errors[0].policy, "bad");
  EXPECT_EQ(loaded.errors[0].status.message(), "spec.match: required");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

TEST(ParseStandardsTest, ReadsEveryFrameworkAndRejectsUnknownOnes) {
  JsonDocument good = testing::Json(
      R"({"pss":["privileged"],"cis":["5.2.1"],"nist":["AC-6"],"pci":["2.2.1"],"nsa":["pod"]})");
  Result<Standards> standards = ParseStandards(good, "spec.settings[0].standards");
  ASSERT_TRUE(standards.ok()) << standards.status().ToString();
  EXPECT_EQ(standards->pss, std::vector<std::string>{"privileged"});
  EXPECT_EQ(standards->cis, std::vector<std::string>{"5.2.1"});

  JsonDocument unknown = testing::Json(R"({"iso":["1"]})");
  EXPECT_EQ(ParseStandards(unknown, "x").status().message(),
            "x.iso: unknown standard (pss, cis, nist, pci or nsa)");
  JsonDocument not_list = testing::Json(R"({"cis":"5.2.1"})");
  EXPECT_EQ(ParseStandards(not_list, "x").status().message(), "x.cis: must be a list of strings");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

// Regression: these loaded as Ready and then denied every object they matched, for ever.
TEST(ParsePolicyTest, RejectsSettingsNoPatchCanMendAndVariableCycles) {
  auto error = [](std::string_view spec) {
    JsonDocument object = testing::Json(
        std::string(R"({"kind":"GoldenPolicy","metadata":{"name":"p"},"spec":)") +
        std::string(spec) + "}");
    Result<Policy> policy = ParsePolicy(object);
    return policy.ok() ? std::string("ok") : policy.status().message();
  };
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"settings":[
                {"id":"n","path":"metadata.name","value":"x"}]})"),
            "spec.settings[0].path: metadata.name is the object's identity; a golden setting "
            "cannot set it");
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"settings":[
                {"id":"k","path":"kind","value":"Pod"}]})"),
            "spec.settings[0].path: kind is the object's type; a golden setting cannot set it");
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"settings":[
                {"id":"u","path":"metadata.uid","value":"1"}]})"),
            "spec.settings[0].path: metadata.uid is written by the API server; a golden setting "
            "cannot set it");
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"settings":[
                {"id":"l","path":"metadata.labels.team","value":"a"}]})"),
            "ok");
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"variables":[
                {"name":"a","expression":"variables.b + 1"},
                {"name":"b","expression":"variables.a + 1"}]})"),
            "spec.variables: \"a\" refers to itself, directly or through other variables");
  EXPECT_EQ(error(R"({"match":{"kinds":["Pod"]},"variables":[
                {"name":"self","expression":"variables.self"}]})"),
            "spec.variables: \"self\" refers to itself, directly or through other variables");
}

}  // namespace
}  // namespace ccspm::engine
