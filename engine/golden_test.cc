#include "engine/golden.h"

#include <gtest/gtest.h>

#include "engine/admission.h"
#include "engine/drift.h"
#include "engine/test_util.h"

namespace ccspm::engine {
namespace {

using testing::Json;
using testing::PolicyFrom;

constexpr const char* kPodPolicy = R"({
  "apiVersion":"ccspm.io/v1alpha1","kind":"GoldenPolicy","metadata":{"name":"pod-golden"},
  "spec":{"match":{"kinds":["Pod"]},"admission":{"action":"Deny"},
          "drift":{"action":"Remediate"},
    "settings":[
      {"id":"privileged","path":"spec.containers[*].securityContext.privileged","value":false},
      {"id":"no-token","path":"spec.automountServiceAccountToken","value":false,
       "mode":"Default"}]}})";

ObjectIdentity Identity(const JsonValue& object) { return ObjectIdentity::FromObject(object); }

TEST(GoldenTest, EnforceFlagsDifferentAndAbsentValues) {
  Policy policy = PolicyFrom(kPodPolicy);
  JsonDocument pod = Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"automountServiceAccountToken":true,"containers":[
      {"name":"a","securityContext":{"privileged":true}},{"name":"b"}]}})");

  std::vector<Violation> violations = CheckGoldenSettings(policy, MatchResult{}, pod);
  ASSERT_EQ(violations.size(), 2u) << "a Default setting the user set is not a violation";
  EXPECT_EQ(violations[0].path, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(violations[0].message,
            "spec.containers[0].securityContext.privileged is true, must be false");
  EXPECT_EQ(violations[1].message,
            "spec.containers[1].securityContext.privileged is not set, must be false");
}

TEST(GoldenTest, FillAbsentCreatesMissingParentsAndKeepsUserValues) {
  Policy policy = PolicyFrom(kPodPolicy);
  JsonDocument pod = Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[{"name":"a","securityContext":{"privileged":true}},{"name":"b"}]}})");

  std::vector<PatchOp> ops;
  ApplyGoldenSettings(policy, MatchResult{}, FixScope::kFillAbsent, pod, &ops);
  EXPECT_EQ(PatchToJson(ops),
            R"([{"op":"add","path":"/spec/containers/1/securityContext",)"
            R"("value":{"privileged":false}},)"
            R"({"op":"add","path":"/spec/automountServiceAccountToken","value":false}])");
  EXPECT_EQ(ToJson(*FindPath(pod, "spec")),
            R"({"containers":[{"name":"a","securityContext":{"privileged":true}},)"
            R"({"name":"b","securityContext":{"privileged":false}}],)"
            R"("automountServiceAccountToken":false})");
}

TEST(GoldenTest, EnforceAllResetsDriftAndReplacesNullParents) {
  Policy policy = PolicyFrom(kPodPolicy);
  JsonDocument pod = Json(R"({"kind":"Pod","spec":{"automountServiceAccountToken":true,
    "containers":[{"securityContext":{"privileged":true}},{"securityContext":null}]}})");

  std::vector<PatchOp> ops;
  ApplyGoldenSettings(policy, MatchResult{}, FixScope::kEnforceAll, pod, &ops);
  EXPECT_EQ(PatchToJson(ops),
            R"([{"op":"replace","path":"/spec/containers/0/securityContext/privileged",)"
            R"("value":false},{"op":"replace","path":"/spec/containers/1/securityContext",)"
            R"("value":{"privileged":false}}])");
  EXPECT_TRUE(CheckGoldenSettings(policy, MatchResult{}, pod).empty());
}

TEST(GoldenTest, BlockedPlacesAreViolationsWithoutFix) {
  Policy policy = PolicyFrom(kPodPolicy);
  JsonDocument pod = Json(R"({"kind":"Pod","spec":{"containers":[{"securityContext":"x"}]}})");
  std::vector<Violation> violations = CheckGoldenSettings(policy, MatchResult{}, pod);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_FALSE(violations[0].fixable);
  EXPECT_EQ(violations[1].check, "no-token");
  EXPECT_TRUE(violations[1].fixable);
  std::vector<PatchOp> ops;
  ApplyGoldenSettings(policy, MatchResult{}, FixScope::kEnforceAll, pod, &ops);
  EXPECT_EQ(ops.size(), 1u) << "only the automount default can be filled";
}

TEST(GoldenTest, PodPolicyReachesEveryPodControllerTemplate) {
  PolicySet policies({PolicyFrom(kPodPolicy)});
  JsonDocument deployment = Json(R"({"apiVersion":"apps/v1","kind":"Deployment",
    "metadata":{"name":"web","namespace":"shop"},
    "spec":{"template":{"spec":{"containers":[{"name":"web","securityContext":
      {"privileged":true}}]}}}})");
  ValidationVerdict verdict = Validate(policies, Identity(deployment), deployment);
  EXPECT_FALSE(verdict.allowed);
  EXPECT_EQ(verdict.message,
            "GoldenPolicy pod-golden check privileged: "
            "spec.template.spec.containers[0].securityContext.privileged is true, must be false");

  JsonDocument cron = Json(R"({"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c"},
    "spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c"}]}}}}}})");
  MutationResult mutation = Mutate(policies, Identity(cron), cron);
  ASSERT_EQ(mutation.patch.size(), 2u);
  EXPECT_EQ(mutation.patch[0].pointer,
            "/spec/jobTemplate/spec/template/spec/containers/0/securityContext");
  EXPECT_EQ(mutation.patch[1].pointer,
            "/spec/jobTemplate/spec/template/spec/automountServiceAccountToken");

  JsonDocument config_map = Json(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{}})");
  EXPECT_TRUE(policies.Matching(Identity(config_map)).empty());
}

TEST(GoldenTest, AdmissionActionsSortViolations) {
  std::string warn = kPodPolicy;
  warn.replace(warn.find("Deny"), 4, "Warn");
  PolicySet policies({PolicyFrom(warn)});
  JsonDocument pod = Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[{"securityContext":{"privileged":true}}]}})");
  ValidationVerdict verdict = Validate(policies, Identity(pod), pod);
  EXPECT_TRUE(verdict.allowed);
  ASSERT_EQ(verdict.warnings.size(), 1u);
  EXPECT_NE(verdict.warnings[0].find("is true, must be false"), std::string::npos);
}

TEST(DriftTest, RemediatePoliciesGetARepairReportPoliciesOnlyFindings) {
  std::string report = kPodPolicy;
  report.replace(report.find("Remediate"), 9, "Report");
  report.replace(report.find("pod-golden"), 10, "pod-report");
  PolicySet policies({PolicyFrom(kPodPolicy), PolicyFrom(report)});
  JsonDocument pod = Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"automountServiceAccountToken":false,
            "containers":[{"securityContext":{"privileged":true}}]}})");

  DriftPlan plan = PlanDrift(policies, Identity(pod), pod);
  ASSERT_EQ(plan.findings.size(), 1u) << "pod-report sees the object as already mended";
  EXPECT_EQ(plan.findings[0].action, DriftAction::kRemediate);
  EXPECT_EQ(PatchToJson(plan.repair),
            R"([{"op":"replace","path":"/spec/containers/0/securityContext/privileged",)"
            R"("value":false}])");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

// Regression: defaulting allowPrivilegeEscalation=false next to privileged=true made an object
// the API server itself rejects, so the policy's own denial never reached the user.
TEST(MutateTest, NoDefaultsForAnObjectThatWillBeDenied) {
  PolicySet policies({testing::PolicyFrom(kPodPolicy)});
  JsonDocument pod = testing::Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[{"name":"a","securityContext":{"privileged":true}}]}})");
  EXPECT_TRUE(Mutate(policies, ObjectIdentity::FromObject(pod), pod).patch.empty());

  JsonDocument fine = testing::Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[{"name":"a"}]}})");
  EXPECT_EQ(Mutate(policies, ObjectIdentity::FromObject(fine), fine).patch.size(), 2u);
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

TEST(GoldenTest, OneSettingCoversEveryContainerList) {
  std::string text = R"({"kind":"GoldenPolicy","metadata":{"name":"p"},
    "spec":{"match":{"kinds":["Pod"]},"settings":[{"id":"ape",
      "path":"spec.{containers,initContainers,ephemeralContainers}[*].)";
  text += R"(securityContext.allowPrivilegeEscalation","value":false}]}})";
  Policy policy = testing::PolicyFrom(text);
  JsonDocument pod = testing::Json(R"({"kind":"Pod","spec":{
    "initContainers":[{"name":"i","securityContext":{"allowPrivilegeEscalation":true}}],
    "containers":[{"name":"c"}]}})");

  std::vector<Violation> violations = CheckGoldenSettings(policy, MatchResult{}, pod);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].path, "spec.containers[0].securityContext.allowPrivilegeEscalation");
  EXPECT_EQ(violations[1].path,
            "spec.initContainers[0].securityContext.allowPrivilegeEscalation");

  std::vector<PatchOp> ops;
  ApplyGoldenSettings(policy, MatchResult{}, FixScope::kEnforceAll, pod, &ops);
  EXPECT_EQ(PatchToJson(ops),
            R"([{"op":"add","path":"/spec/containers/0/securityContext",)"
            R"("value":{"allowPrivilegeEscalation":false}},)"
            R"({"op":"replace","path":"/spec/initContainers/0/securityContext/)"
            R"(allowPrivilegeEscalation","value":false}])");
}

}  // namespace
}  // namespace ccspm::engine

namespace ccspm::engine {
namespace {

// Regression: each filled gap used a JsonDocument of its own (and its allocator's first chunk),
// so mutating a Pod with 10,000 containers took 656 MB. Targets now share one value.
TEST(MutateTest, FillsOfOneSettingShareOneValueAndDenialsStayShort) {
  PolicySet policies({testing::PolicyFrom(kPodPolicy)});
  std::string containers;
  for (int i = 0; i < 10000; ++i) {
    containers += (i ? "," : "") + std::string(R"({"name":"c)") + std::to_string(i) + "\"}";
  }
  JsonDocument pod = testing::Json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
    "spec":{"containers":[)" + containers + "]}}");

  MutationResult mutation = Mutate(policies, ObjectIdentity::FromObject(pod), pod);
  ASSERT_EQ(mutation.patch.size(), 10001u);
  EXPECT_EQ(mutation.patch[0].value.get(), mutation.patch[9999].value.get());

  for (JsonValue& container : pod["spec"]["containers"].GetArray()) {
    JsonValue context(rapidjson::kObjectType);
    context.AddMember("privileged", true, pod.GetAllocator());
    container.AddMember("securityContext", context, pod.GetAllocator());
  }
  ValidationVerdict verdict = Validate(policies, ObjectIdentity::FromObject(pod), pod);
  EXPECT_EQ(verdict.denied.size(), 10000u);
  EXPECT_EQ(std::count(verdict.message.begin(), verdict.message.end(), '\n'), 50);
  EXPECT_TRUE(verdict.message.ends_with("\n... and 9950 more violations")) << verdict.message;
}

}  // namespace
}  // namespace ccspm::engine
