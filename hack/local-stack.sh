#!/usr/bin/env bash
# Runs the whole of ccspm locally: the control plane, the GoldenPolicy CRD, the sample policies,
# `ccspm webhook` registered with the API server, and `ccspm controller`.
#
#   hack/local-stack.sh up     start everything (the ccspm binary must be built)
#   hack/local-stack.sh down   stop everything it started, the control plane last
#
# STATE is ${CCSPM_STATE_DIR:-/tmp/ccspm-cluster}; after `up`, $STATE/stack.env holds
# KUBECONFIG, KUBECTL, CCSPM_WEBHOOK_URL and the metrics URLs of the webhook and controller.
# CCSPM_BIN (default build/ccspm) and CCSPM_POLICIES (default policies/samples) can be set.
set -euo pipefail

hack_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$hack_dir/.." && pwd)
source "$hack_dir/lib.sh"
state=${CCSPM_STATE_DIR:-/tmp/ccspm-cluster}
ccspm_bin=${CCSPM_BIN:-$root/build/ccspm}
policies=${CCSPM_POLICIES:-$root/policies/samples}
# The namespace ccspm itself runs in when installed by the chart: never sent to its webhook.
ccspm_namespace=ccspm-system

main() {
  case "${1:-}" in
    up) up ;;
    down) down ;;
    *)
      echo "usage: $0 up | down" >&2
      exit 2
      ;;
  esac
}

on_start_failure() {
  down
}

up() {
  [[ -x "$ccspm_bin" ]] || { echo "$ccspm_bin not built; run make build" >&2; exit 1; }
  CCSPM_STATE_DIR=$state bash "$hack_dir/control-plane.sh" start >/dev/null
  source "$state/env"

  "$KUBECTL" apply -f "$root/crds/" >/dev/null
  "$KUBECTL" wait --for=condition=Established crd/goldenpolicies.ccspm.io --timeout=60s \
    >/dev/null
  if [[ -n "$policies" ]]; then
    "$KUBECTL" apply -f "$policies" >/dev/null
  fi

  local webhook_port webhook_metrics_port controller_metrics_port
  read -r webhook_port webhook_metrics_port controller_metrics_port <<<"$(free_ports 3)"
  start_webhook "$webhook_port" "$webhook_metrics_port"
  start_controller "$controller_metrics_port"
  write_stack_env "$webhook_port" "$webhook_metrics_port" "$controller_metrics_port"
}

start_webhook() {
  local port=$1 metrics_port=$2
  launch webhook "$ccspm_bin" webhook --address 127.0.0.1 --port "$port" \
    --tls-cert-file "$CCSPM_WEBHOOK_CERT_DIR/tls.crt" \
    --tls-private-key-file "$CCSPM_WEBHOOK_CERT_DIR/tls.key" \
    --metrics-address 127.0.0.1 --metrics-port "$metrics_port" --kubeconfig "$KUBECONFIG"
  wait_for webhook 60 curl -fsS --cacert "$CCSPM_WEBHOOK_CERT_DIR/ca.crt" \
    "https://127.0.0.1:$port/readyz" -o /dev/null

  # Registered only once it is ready, since failurePolicy Fail would otherwise block writes.
  bash "$hack_dir/webhook-configuration.sh" "https://127.0.0.1:$port" \
    "$CCSPM_WEBHOOK_CERT_DIR/ca.crt" "$ccspm_namespace" | "$KUBECTL" apply -f - >/dev/null
}

start_controller() {
  local metrics_port=$1
  launch controller "$ccspm_bin" controller --kubeconfig "$KUBECONFIG" \
    --metrics-address 127.0.0.1 --metrics-port "$metrics_port" \
    --exclude-namespace kube-system --exclude-namespace "$ccspm_namespace"
  wait_for controller 60 curl -fsS "http://127.0.0.1:$metrics_port/readyz" -o /dev/null
}

write_stack_env() {
  cat >"$state/stack.env" <<ENV
source "$state/env"
export CCSPM_WEBHOOK_URL=https://127.0.0.1:$1
export CCSPM_WEBHOOK_METRICS_URL=http://127.0.0.1:$2/metrics
export CCSPM_CONTROLLER_METRICS_URL=http://127.0.0.1:$3/metrics
export CCSPM_WEBHOOK_LOG=$state/webhook.log
export CCSPM_CONTROLLER_LOG=$state/controller.log
ENV
}

down() {
  # The webhook goes first from the API server's view, so nothing is left that blocks writes
  # if the control plane outlives this script.
  if [[ -f "$state/env" ]]; then
    source "$state/env"
    "$KUBECTL" delete validatingwebhookconfiguration,mutatingwebhookconfiguration ccspm \
      --ignore-not-found --request-timeout=5s >/dev/null 2>&1 || true
  fi
  stop_process controller
  stop_process webhook
  CCSPM_STATE_DIR=$state bash "$hack_dir/control-plane.sh" stop >/dev/null
}

main "$@"
