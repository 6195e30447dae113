#!/usr/bin/env bash
# `make bench`: runs every benchmark built in BUILD_DIR (default build-bench) on one core and
# prints their figures. docs/benchmarks.md records them with the machine they ran on.
set -euo pipefail
build=${1:-build-bench}

echo "== CEL: compile time and the PSS restricted checks per Pod and per Deployment"
taskset -c 0 "$build/bench/cel_bench" --benchmark_min_time=0.5

for extra in "$build"/bench/*_bench; do
  [[ "$extra" == */cel_bench ]] && continue
  echo "== $(basename "$extra")"
  taskset -c 0 "$extra"
done
