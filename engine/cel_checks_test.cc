#include "engine/cel_checks.h"

#include <gtest/gtest.h>

#include "engine/admission.h"
#include "engine/drift.h"
#include "engine/test_util.h"

namespace ccspm::engine {
namespace {

using testing::Json;

constexpr const char* kHostPolicy = R"j({
  "apiVersion":"ccspm.io/v1alpha1","kind":"GoldenPolicy","metadata":{"name":"host-namespaces"},
  "spec":{"match":{"kinds":["Pod"]},
    "variables":[{"name":"spec","expression":"object.spec"}],
    "validations":[
      {"id":"hostNetwork","expression":"!variables.spec.?hostNetwork.orValue(false)",
       "message":"host networking is not allowed","severity":"high",
       "standards":{"pss":["hostNamespaces"]}},
      {"id":"hostPID","expression":"!variables.spec.?hostPID.orValue(false)",
        "messageExpression":"'pod ' + object.metadata.name + ' shares the host PID namespace'"
      }]}})j";

Status PolicyError(std::string_view validations) {
  JsonDocument object = Json(std::string(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},
    "spec":{"match":{"kinds":["Pod"]},"validations":)j") +
                             std::string(validations) + "}}");
  Result<Policy> policy = ParsePolicy(object);
  return policy.ok() ? Status::Ok() : policy.status();
}

TEST(CelChecksTest, BadExpressionsAreRejectedWhenThePolicyLoads) {
  EXPECT_EQ(PolicyError(R"j([{"expression":"object.spec.("}])j").message(),
            "spec.validations[0].expression: 1:13: syntax error: expected a field name after "
            "'.', found '('");
  EXPECT_EQ(PolicyError(R"j([{"expression":"nope.x == 1"}])j").kind(), ErrorKind::kInvalid);
  EXPECT_EQ(PolicyError(R"j([{"message":"m"}])j").message(),
            "spec.validations[0].expression: required");
  EXPECT_TRUE(PolicyError(R"j([{"expression":"variables.missing"}])j").ok() == false);
}

TEST(CelChecksTest, DeniesWithMessagesAndMessageExpressions) {
  PolicySet policies({testing::PolicyFrom(kHostPolicy)});
  JsonDocument pod = Json(R"j({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"hostNetwork":true,"hostPID":true,"containers":[{"name":"c"}]}})j");

  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(pod), pod);
  EXPECT_FALSE(verdict.allowed);
  ASSERT_EQ(verdict.denied.size(), 2u);
  EXPECT_EQ(verdict.message,
            "GoldenPolicy host-namespaces check hostNetwork: host networking is not allowed\n"
            "GoldenPolicy host-namespaces check hostPID: pod p shares the host PID namespace");
  EXPECT_EQ(verdict.denied[0].severity, Severity::kHigh);
  EXPECT_EQ(verdict.denied[0].standards->pss, std::vector<std::string>{"hostNamespaces"});
  EXPECT_FALSE(verdict.denied[0].fixable);

  JsonDocument fine = Json(R"j({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[{"name":"c"}]}})j");
  EXPECT_TRUE(Validate(policies, ObjectIdentity::FromObject(fine), fine).allowed);
}

TEST(CelChecksTest, PodChecksReadTheTemplateOfEveryController) {
  PolicySet policies({testing::PolicyFrom(kHostPolicy)});
  JsonDocument cron = Json(R"j({"apiVersion":"batch/v1","kind":"CronJob",
    "metadata":{"name":"nightly","namespace":"ops"},
    "spec":{"jobTemplate":{"spec":{"template":{"metadata":{"name":"tmpl"},
      "spec":{"hostNetwork":true,"containers":[{"name":"c"}]}}}}}})j");

  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(cron), cron);
  ASSERT_EQ(verdict.denied.size(), 1u);
  EXPECT_EQ(verdict.denied[0].message,
            "host networking is not allowed (at spec.jobTemplate.spec.template.spec)");
  EXPECT_EQ(verdict.denied[0].pointer, "/spec/jobTemplate/spec/template/spec");

  DriftPlan plan = PlanDrift(policies, ObjectIdentity::FromObject(cron), cron);
  ASSERT_EQ(plan.findings.size(), 1u) << "CEL checks are drift too, reported, never patched";
  EXPECT_TRUE(plan.repair.empty());
}

TEST(CelChecksTest, ErrorsAndNonBoolResultsFailClosed) {
  JsonDocument object = Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},"spec":{
    "match":{"kinds":["Pod"]},"validations":[
      {"id":"div","expression":"1 / object.spec.zero == 1"},
      {"id":"str","expression":"'yes'"},
      {"id":"old","expression":"oldObject == null && request == null"}]}})j");
  PolicySet policies({testing::PolicyFrom(ToJson(object))});
  JsonDocument pod = Json(R"j({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"zero":0}})j");

  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(pod), pod);
  ASSERT_EQ(verdict.denied.size(), 2u);
  EXPECT_EQ(verdict.denied[0].check, "div");
  EXPECT_NE(verdict.denied[0].message.find("expression could not be evaluated"), std::string::npos);
  EXPECT_EQ(verdict.denied[0].message, "expression could not be evaluated: 1:3: divide by zero");
  EXPECT_EQ(verdict.denied[1].message, "expression must return a bool, got \"yes\"");
}

TEST(CelChecksTest, CostBudgetStopsHugeLists) {
  std::string big = R"j({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"l":[)j";
  for (int i = 0; i < 200000; ++i) big += (i ? ",1" : "1");
  big += "]}}";
  JsonDocument pod = Json(big);
  JsonDocument object = Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},"spec":{
    "match":{"kinds":["Pod"]},"validations":[{"id":"quadratic",
      "expression":"object.spec.l.all(x, object.spec.l.all(y, x == y))"}]}})j");
  PolicySet policies({testing::PolicyFrom(ToJson(object))});

  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(pod), pod);
  ASSERT_EQ(verdict.denied.size(), 1u);
  EXPECT_NE(verdict.denied[0].message.find("cost"), std::string::npos) << verdict.denied[0].message;
  EXPECT_NE(verdict.denied[0].message.find("spec.validations[0].expression"), std::string::npos)
      << "the error names the expression: " << verdict.denied[0].message;
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

TEST(CelChecksTest, RequestChecksRunAtAdmissionOnly) {
  JsonDocument object = testing::Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},
    "spec":{"match":{"kinds":["ConfigMap"]},
      "variables":[{"name":"op","expression":"request.operation"},
                   {"name":"owner","expression":"object.data.owner"}],
      "validations":[
        {"id":"direct","expression":"oldObject == null"},
        {"id":"through-variable","expression":"variables.op == 'CREATE'"},
        {"id":"object-only","expression":"variables.owner == 'alice'"}]}})j");
  Result<Policy> policy = ParsePolicy(object);
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_TRUE(policy->validations[0].admission_only);
  EXPECT_TRUE(policy->validations[1].admission_only);
  EXPECT_FALSE(policy->validations[2].admission_only);

  PolicySet policies({std::move(*policy)});
  JsonDocument config = testing::Json(R"j({"apiVersion":"v1","kind":"ConfigMap",
    "metadata":{"name":"c"},"data":{"owner":"bob"}})j");
  DriftPlan plan = PlanDrift(policies, ObjectIdentity::FromObject(config), config);
  ASSERT_EQ(plan.findings.size(), 1u) << "drift has no request: only object-only runs";
  EXPECT_EQ(plan.findings[0].violation.check, "object-only");

  JsonDocument request = testing::Json(R"j({"operation":"UPDATE"})j");
  CheckInputs inputs{&config, &request, nullptr};
  ValidationVerdict verdict =
      Validate(policies, ObjectIdentity::FromObject(config), config, inputs);
  EXPECT_EQ(verdict.denied.size(), 3u);
}

TEST(CelChecksTest, RepeatedVariableNamesAreRejected) {
  JsonDocument object = testing::Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},
    "spec":{"match":{"kinds":["Pod"]},"variables":[{"name":"a","expression":"1"},
      {"name":"a","expression":"2"}]}})j");
  EXPECT_EQ(ParsePolicy(object).status().message(),
            "spec.variables[1].name: \"a\" is declared twice");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

// Regression: `securityContext:` left empty in a manifest is null; `.?` on it failed the check
// with an evaluation error instead of reading it as absent, as the API server would.
TEST(CelChecksTest, NullMembersReadAsAbsent) {
  JsonDocument object = testing::Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"p"},
    "spec":{"match":{"kinds":["Pod"]},"validations":[{"id":"no-priv","expression":
      "object.spec.containers.all(c, !c.?securityContext.?privileged.orValue(false))"},
      {"id":"has","expression":"!has(object.spec.hostNetwork)"}]}})j");
  PolicySet policies({testing::PolicyFrom(ToJson(object))});
  JsonDocument pod = testing::Json(R"j({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"hostNetwork":null,"containers":[{"name":"c","securityContext":null}]}})j");
  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(pod), pod);
  EXPECT_TRUE(verdict.allowed) << verdict.message;
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

TEST(CelChecksTest, MatchConditionsNarrowWhereAPolicyApplies) {
  JsonDocument object = testing::Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"linux"},
    "spec":{"match":{"kinds":["Pod"],"conditions":[{"name":"not-windows",
        "expression":"object.spec.?os.?name.orValue('linux') != 'windows'"}]},
      "settings":[{"id":"ape","path":"spec.containers[*].securityContext.allowPrivilegeEscalation",
        "value":false,"mode":"Default"}]}})j");
  PolicySet policies({testing::PolicyFrom(ToJson(object))});

  JsonDocument windows = testing::Json(R"j({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"w"},"spec":{"template":{"spec":{"os":{"name":"windows"},
      "containers":[{"name":"c"}]}}}})j");
  JsonDocument linux = testing::Json(R"j({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"l"},"spec":{"template":{"spec":{"containers":[{"name":"c"}]}}}})j");

  EXPECT_TRUE(Mutate(policies, ObjectIdentity::FromObject(windows), windows).patch.empty())
      << "the condition reads the template's pod spec and keeps the default out";
  EXPECT_EQ(Mutate(policies, ObjectIdentity::FromObject(linux), linux).patch.size(), 1u);
  EXPECT_TRUE(PlanDrift(policies, ObjectIdentity::FromObject(windows), windows).repair.empty());
}

TEST(CelChecksTest, RequestConditionsKeepAPolicyToAdmission) {
  JsonDocument object = testing::Json(R"j({"kind":"GoldenPolicy","metadata":{"name":"on-create"},
    "spec":{"match":{"kinds":["ConfigMap"],"conditions":[
        {"expression":"request.operation == 'CREATE'"}]},
      "validations":[{"id":"owned","expression":"has(object.data.owner)"}]}})j");
  PolicySet policies({testing::PolicyFrom(ToJson(object))});
  JsonDocument config = testing::Json(R"j({"apiVersion":"v1","kind":"ConfigMap",
    "metadata":{"name":"c"},"data":{}})j");
  JsonDocument create = testing::Json(R"j({"operation":"CREATE"})j");
  JsonDocument update = testing::Json(R"j({"operation":"UPDATE"})j");
  ObjectIdentity identity = ObjectIdentity::FromObject(config);

  EXPECT_FALSE(Validate(policies, identity, config, {nullptr, &create, nullptr}).allowed);
  EXPECT_TRUE(Validate(policies, identity, config, {&config, &update, nullptr}).allowed);
  EXPECT_FALSE(PlanDrift(policies, identity, config).drifted()) << "no request, no policy";
}

}  // namespace
}  // namespace ccspm::engine
