// What one policy says about one object, and the running count of the suite's cases.
#pragma once

#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"
#include "engine/policy_set.h"

namespace ccspm::policy_library {

struct Outcome {
  bool matched = false;               // The policy applies to the object at all.
  std::set<std::string> failed;       // Ids of the checks the object fails, any mode.
  std::vector<std::string> errors;    // Checks that could not be evaluated: a bug in the policy.
  std::vector<std::string> messages;  // "check: message" of each violation.
};

// Prints the messages of `outcome` under `where` when POLICY_LIBRARY_VERBOSE is set, so the
// wording users will read can be reviewed.
void PrintMessages(const std::string& where, const Outcome& outcome);

// Checks `object` against the policy named `policy` of `set`, as admission, drift and scans do.
Outcome Evaluate(const engine::PolicySet& set, std::string_view policy, const JsonValue& object);

// Counts cases; keeps a line for each failure and prints it at once.
class Tally {
 public:
  void Expect(bool ok, const std::string& what) {
    if (ok) {
      ++passed_;
      return;
    }
    ++failed_;
    std::printf("FAIL %s\n", what.c_str());
  }

  int passed() const { return passed_; }
  int failed() const { return failed_; }

 private:
  int passed_ = 0;
  int failed_ = 0;
};

// "a, b, c" of `ids`, or "nothing".
std::string Join(const std::set<std::string>& ids);

}  // namespace ccspm::policy_library
