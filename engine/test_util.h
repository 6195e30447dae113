// Helpers for engine tests: JSON literals and policies from text.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "base/json.h"
#include "engine/policy.h"

namespace ccspm::engine::testing {

inline JsonDocument Json(std::string_view text) {
  Result<JsonDocument> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << text;
  if (!parsed.ok()) return JsonDocument();
  return std::move(parsed).value();
}

inline Policy PolicyFrom(std::string_view text) {
  JsonDocument object = Json(text);
  Result<Policy> policy = ParsePolicy(object);
  EXPECT_TRUE(policy.ok()) << policy.status().ToString();
  if (!policy.ok()) return Policy();
  return std::move(policy).value();
}

}  // namespace ccspm::engine::testing
