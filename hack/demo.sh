#!/usr/bin/env bash
# `make run`: starts the control plane, the CRD, the sample policies, the webhook and the
# controller, then shows ccspm's main job with the real kubectl:
#   1. a privileged Pod is denied with the policy's message;
#   2. a Deployment missing golden settings is admitted with them filled in;
#   3. a golden setting changed behind the webhook's back is put back by the controller.
# Then it keeps everything running until Ctrl-C, or exits at once with CCSPM_DEMO_EXIT=1, and
# stops all it started either way.
set -euo pipefail

hack_dir=$(cd "$(dirname "$0")" && pwd)
export CCSPM_STATE_DIR=${CCSPM_STATE_DIR:-/tmp/ccspm-cluster}
namespace=ccspm-demo

stop() {
  echo
  echo "== stopping webhook, controller and control plane"
  bash "$hack_dir/local-stack.sh" down
}
trap stop EXIT

say() { printf '\n== %s\n' "$*"; }
show() { printf '$ kubectl %s\n' "$*"; "$KUBECTL" "$@"; }

say "starting control plane, webhook and controller (first run builds Kubernetes: ~5-25 min)"
bash "$hack_dir/local-stack.sh" up
source "$CCSPM_STATE_DIR/stack.env"
show get goldenpolicies
"$KUBECTL" create namespace "$namespace" --dry-run=client -o yaml | "$KUBECTL" apply -f - \
  >/dev/null

say "1. a privileged Pod is denied at admission"
if "$KUBECTL" apply -n "$namespace" -f - <<'YAML'; then
apiVersion: v1
kind: Pod
metadata: {name: root-shell}
spec:
  containers:
    - {name: shell, image: busybox, securityContext: {privileged: true}}
YAML
  echo "unexpected: the privileged Pod was admitted" >&2
  exit 1
fi

say "2. a Deployment missing golden settings is admitted with them filled in"
"$KUBECTL" apply -n "$namespace" -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
YAML
show get deployment web -n "$namespace" -o jsonpath='{"automountServiceAccountToken: "}{.spec.template.spec.automountServiceAccountToken}{"\nsecurityContext: "}{.spec.template.spec.containers[0].securityContext}{"\nlabels: "}{.metadata.labels}{"\n"}'

say "3. drift behind the webhook's back is repaired by the controller"
echo "(the label ccspm.io/admission=skip keeps this object away from the webhook)"
"$KUBECTL" label deployment web -n "$namespace" ccspm.io/admission=skip >/dev/null
show patch deployment web -n "$namespace" --type=json -p '[{"op":"replace",
  "path":"/spec/template/spec/containers/0/securityContext",
  "value":{"privileged":true,"allowPrivilegeEscalation":true}}]'
start=$SECONDS
until [[ "$("$KUBECTL" get deployment web -n "$namespace" \
  -o jsonpath='{.spec.template.spec.containers[0].securityContext.privileged}')" == false ]]; do
  if ((SECONDS - start > 30)); then
    echo "unexpected: not repaired within 30s; see $CCSPM_CONTROLLER_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
echo "repaired within $((SECONDS - start))s:"
show get deployment web -n "$namespace" -o jsonpath='{.spec.template.spec.containers[0].securityContext}{"\n"}'
sleep 1
show get events -n "$namespace" --field-selector reason=DriftRepaired \
  -o custom-columns=REASON:.reason,MESSAGE:.message

cat <<TEXT

== ccspm is running
  kubeconfig:          $KUBECONFIG
  kubectl:             $KUBECTL
  webhook:             $CCSPM_WEBHOOK_URL (log: $CCSPM_WEBHOOK_LOG)
  webhook metrics:     $CCSPM_WEBHOOK_METRICS_URL
  controller metrics:  $CCSPM_CONTROLLER_METRICS_URL (log: $CCSPM_CONTROLLER_LOG)
Try: source $CCSPM_STATE_DIR/stack.env; \$KUBECTL get goldenpolicies
TEXT

if [[ "${CCSPM_DEMO_EXIT:-0}" == 1 ]]; then
  exit 0
fi
echo "Press Ctrl-C to stop everything."
while true; do sleep 3600; done
