// CEL microbenchmarks: compile time per expression, and the time to evaluate the Pod Security
// Standards "restricted" checks against a Pod and a Deployment. The allocs_per_iter counter
// counts heap allocations per evaluation of the whole set (the target is zero).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "base/json.h"
#include "bench/pss_checks.h"
#include "engine/cel/cel.h"

namespace {

std::atomic<int64_t> g_allocations{0};

}  // namespace

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace ccspm::bench {
namespace {

cel::Environment PolicyEnvironment() {
  cel::Environment env = cel::Environment::Kubernetes();
  env.AddLazyVariable("podSpec");
  return env;
}

void BM_Compile(benchmark::State& state) {
  const cel::Environment env = PolicyEnvironment();
  const NamedCheck& check = RestrictedChecks()[state.range(0)];
  state.SetLabel(std::string(check.name));
  for (auto _ : state) {
    Result<cel::Program> program = cel::Compile(check.expression, env);
    benchmark::DoNotOptimize(program);
  }
}
BENCHMARK(BM_Compile)->DenseRange(0, 9);

void EvaluateRestricted(benchmark::State& state, std::string_view object_json) {
  const cel::Environment env = PolicyEnvironment();
  Result<cel::Program> pod_spec = cel::Compile(kPodSpecVariable, env);
  std::vector<cel::Program> programs;
  for (const NamedCheck& check : RestrictedChecks()) {
    Result<cel::Program> program = cel::Compile(check.expression, env);
    if (!program.ok()) {
      state.SkipWithError(program.status().message().c_str());
      return;
    }
    programs.push_back(std::move(*program));
  }
  Result<JsonDocument> object = ParseJson(object_json);
  cel::Activation activation(env);
  (void)activation.BindJson("object", &*object);
  (void)activation.BindLazy("podSpec", &*pod_spec);

  int64_t allowed = 0;
  const int64_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    // One admission request: fresh lazy variables, one per-policy budget, every check.
    activation.ResetLazy();
    cel::CostBudget budget;
    for (const cel::Program& program : programs) {
      Result<cel::Value> result = cel::Evaluate(program, activation, &budget);
      allowed += result.ok() && cel::IsTrue(*result);
    }
  }
  const int64_t allocations = g_allocations.load() - allocations_before;
  if (allowed != static_cast<int64_t>(state.iterations() * programs.size())) {
    state.SkipWithError("a restricted check failed on the compliant sample");
  }
  state.counters["allocs_per_iter"] = benchmark::Counter(static_cast<double>(allocations) /
                                                         static_cast<double>(state.iterations()));
  state.counters["checks"] = static_cast<double>(programs.size());
}

void BM_RestrictedPod(benchmark::State& state) { EvaluateRestricted(state, SamplePod()); }
BENCHMARK(BM_RestrictedPod);

void BM_RestrictedDeployment(benchmark::State& state) {
  EvaluateRestricted(state, SampleDeployment());
}
BENCHMARK(BM_RestrictedDeployment);

}  // namespace
}  // namespace ccspm::bench

BENCHMARK_MAIN();
