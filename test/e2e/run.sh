#!/usr/bin/env bash
# End-to-end tests of ccspm on a real control plane, with the real kubectl as the client.
#
#   test/e2e/run.sh [SCENARIO...]   run every scenario in scenarios/, or the ones named
#
# Starts its own stack (hack/local-stack.sh) in a fresh state directory and stops it at the end,
# whatever happens. Each scenario is a small bash file run in a namespace of its own; adding one
# is adding a file. Prints each assertion, then "N passed, N failed"; exits 1 on any failure.
set -euo pipefail

e2e_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$e2e_dir/../.." && pwd)
export CCSPM_STATE_DIR=${CCSPM_E2E_STATE_DIR:-$(mktemp -d /tmp/ccspm-e2e.XXXXXX)}
export E2E_RESULTS="$CCSPM_STATE_DIR/results"
export CCSPM_ROOT=$root
export CCSPM_SHARED=${CCSPM_SHARED:-$root/../shared}

stop_stack() {
  local code=$?
  if ((code != 0)) || grep -q '^fail$' "$E2E_RESULTS" 2>/dev/null; then
    for log in webhook controller; do
      echo "--- last lines of $log.log"
      tail -n 20 "$CCSPM_STATE_DIR/$log.log" 2>/dev/null || true
    done
  fi
  bash "$root/hack/local-stack.sh" down || true
  rm -rf "$CCSPM_STATE_DIR"
}
trap stop_stack EXIT

echo "starting control plane, webhook and controller in $CCSPM_STATE_DIR"
start=$SECONDS
bash "$root/hack/local-stack.sh" up
source "$CCSPM_STATE_DIR/stack.env"
echo "stack up in $((SECONDS - start))s"
: >"$E2E_RESULTS"

scenarios=("$@")
if ((${#scenarios[@]} == 0)); then
  scenarios=("$e2e_dir"/scenarios/*.sh)
fi

for scenario in "${scenarios[@]}"; do
  [[ -f "$scenario" ]] || scenario="$e2e_dir/scenarios/$scenario.sh"
  name=$(basename "$scenario" .sh)
  echo "# $name"
  export NS="e2e-${name//[^a-z0-9]/-}"
  NS=${NS:0:63}
  "$KUBECTL" create namespace "$NS" >/dev/null
  # A scenario that dies midway counts as a failure, and the others still run.
  if ! (source "$e2e_dir/lib.sh" && source "$scenario"); then
    echo "not ok - $name ended with an error"
    echo fail >>"$E2E_RESULTS"
  fi
done

passed=$(grep -c '^pass$' "$E2E_RESULTS" || true)
failed=$(grep -c '^fail$' "$E2E_RESULTS" || true)
echo "e2e: $passed passed, $failed failed"
((failed == 0 && passed > 0))
