// Policies and AdmissionReviews shared by the webhook tests (header only: not part of the
// library, included by *_test.cc files alone).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/json.h"
#include "engine/policy_loader.h"
#include "engine/policy_set.h"

namespace ccspm::webhook::testing {

inline std::string GoldenPolicy(const std::string& name, const std::string& action,
                                const std::string& settings) {
  return R"({"apiVersion":"ccspm.io/v1alpha1","kind":"GoldenPolicy","metadata":{"name":")" + name +
         R"("},"spec":{"match":{"kinds":["Pod"]},"admission":{"action":")" + action +
         R"("},"drift":{"action":"Remediate"},"settings":)" + settings + "}}";
}

inline std::string NoPrivilegedPolicy(const std::string& action = "Deny") {
  return GoldenPolicy("no-privileged", action,
                      R"([{"id":"privileged","path":"spec.containers[*].securityContext.)"
                      R"(privileged","value":false,"severity":"critical"}])");
}

// A Default-mode setting whose key needs RFC 6901 escaping in a JSON Pointer.
inline std::string OwnerAnnotationPolicy() {
  return GoldenPolicy("owner-annotation", "Deny",
                      R"([{"id":"owner","path":"metadata.annotations[\"a/b~c\"]",)"
                      R"("value":"platform","mode":"Default"}])");
}

inline engine::PolicySetPtr PolicySetOf(const std::vector<std::string>& policies) {
  std::vector<JsonDocument> documents;
  for (const std::string& text : policies) {
    Result<JsonDocument> parsed = ParseJson(text);
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    documents.push_back(std::move(*parsed));
  }
  std::vector<const JsonValue*> objects;
  for (const JsonDocument& document : documents) objects.push_back(&document);
  engine::LoadedPolicies loaded = engine::LoadPolicies(objects);
  EXPECT_TRUE(loaded.errors.empty()) << loaded.errors.front().status.ToString();
  return loaded.set;
}

inline std::string PrivilegedPod(bool privileged = true) {
  return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[)"
         R"({"name":"app","image":"nginx","securityContext":{"privileged":)" +
         std::string(privileged ? "true" : "false") + "}}]}}";
}

struct ReviewSpec {
  std::string uid = "705ab4f5-6393-11e8-b7cc-42010a800002";
  std::string operation = "CREATE";
  std::string kind = "Pod";
  std::string group;
  std::string namespace_name = "default";
  std::string username = "alice";
  std::string object = PrivilegedPod();  // "" sends no object.
  std::string old_object;                // "" sends no oldObject.
  std::string sub_resource;
};

inline std::string Review(const ReviewSpec& spec) {
  std::string text = R"({"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",)"
                     R"("request":{"uid":")" +
                     spec.uid + R"(","kind":{"group":")" + spec.group +
                     R"(","version":"v1","kind":")" + spec.kind + R"("},"resource":{"group":")" +
                     spec.group + R"(","version":"v1","resource":"pods"},"namespace":")" +
                     spec.namespace_name + R"(","operation":")" + spec.operation +
                     R"(","userInfo":{"username":")" + spec.username + R"("})";
  if (!spec.sub_resource.empty()) text += R"(,"subResource":")" + spec.sub_resource + "\"";
  if (!spec.object.empty()) text += R"(,"object":)" + spec.object;
  if (!spec.old_object.empty()) text += R"(,"oldObject":)" + spec.old_object;
  return text + "}}";
}

}  // namespace ccspm::webhook::testing
