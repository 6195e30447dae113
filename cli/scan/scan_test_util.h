// Helpers for the scan tests: policies and scan results from text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/scan/scan_result.h"
#include "cli/scan/scanner.h"
#include "engine/policy.h"
#include "manifest/manifest.h"

namespace ccspm::cli::scan::testing {

inline constexpr const char* kPolicies = R"(
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: no-privileged}
spec:
  description: Containers must not run privileged.
  match: {kinds: [Pod]}
  settings:
    - id: privileged
      path: spec.containers[*].securityContext.privileged
      value: false
      severity: critical
      standards: {pss: [privileged], cis: [5.2.1]}
---
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: token}
spec:
  match: {kinds: [Pod]}
  settings:
    - id: no-token-automount
      path: spec.automountServiceAccountToken
      value: false
      mode: Default
      severity: low
)";

inline engine::PolicySetPtr Policies(const std::string& text = kPolicies) {
  manifest::Manifest manifest = manifest::Manifest::Parse(text);
  std::vector<engine::Policy> policies;
  for (const manifest::ManifestDocument& document : manifest.documents()) {
    Result<engine::Policy> policy = engine::ParsePolicy(*document.objects[0].value);
    EXPECT_TRUE(policy.ok()) << policy.status().ToString();
    if (policy.ok()) policies.push_back(std::move(*policy));
  }
  return std::make_shared<const engine::PolicySet>(std::move(policies));
}

inline ScanResult Scan(const std::string& file, const std::string& text,
                       engine::PolicySetPtr policies = Policies()) {
  ScanResult result;
  result.policies = policies;
  ScanManifest(file, manifest::Manifest::Parse(text), *policies, &result);
  return result;
}

}  // namespace ccspm::cli::scan::testing
