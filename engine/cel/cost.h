// Runtime cost accounting, modelled on the Kubernetes API server's CEL cost budget.
//
// Every evaluation step costs 1; functions that walk strings or lists add a cost proportional to
// the size they walk. A CostBudget is shared by every expression of a policy (the per-policy
// budget); each Program also has its own per-expression limit. Exceeding either stops the
// evaluation with an error naming the expression.
//
// Thread safety: a CostBudget is used by one evaluation at a time.
#pragma once

#include <cstdint>

namespace ccspm::cel {

struct CostBudget {
  // The Kubernetes API server's defaults: per-expression 1,000,000 and per-policy 10,000,000.
  static constexpr uint64_t kDefaultPerExpression = 1'000'000;
  static constexpr uint64_t kDefaultPerPolicy = 10'000'000;

  uint64_t limit = kDefaultPerPolicy;
  uint64_t used = 0;

  uint64_t remaining() const { return used >= limit ? 0 : limit - used; }
};

// What one evaluation has spent, against the lower of its two limits.
class CostTracker {
 public:
  explicit CostTracker(uint64_t limit) : limit_(limit) {}

  // Returns false once the limit is exceeded.
  bool Add(uint64_t cost) {
    used_ += cost;
    return used_ <= limit_;
  }
  bool exceeded() const { return used_ > limit_; }
  uint64_t used() const { return used_; }
  uint64_t limit() const { return limit_; }

 private:
  uint64_t limit_;
  uint64_t used_ = 0;
};

}  // namespace ccspm::cel
