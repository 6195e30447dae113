# Golden settings changed behind the webhook's back (the object is labelled so the webhook
# configuration excludes it) are put back by the controller within seconds, with an Event.

expect_admitted "a privileged Deployment the webhook does not see" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: drifted
  namespace: $NS
  labels: {ccspm.io/admission: skip, ccspm.io/owner: e2e}
spec:
  selector: {matchLabels: {app: drifted}}
  template:
    metadata: {labels: {app: drifted}}
    spec:
      containers:
        - name: web
          image: nginx
          securityContext: {privileged: true, allowPrivilegeEscalation: true}
YAML

deployment="deployment/drifted -n $NS"
eventually_field "repaired" 20 "$deployment" \
  .spec.template.spec.containers[0].securityContext.privileged false
expect_field "repaired in the same patch" "$deployment" \
  .spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation false
eventually_field "absent golden default filled by the drift loop" 20 "$deployment" \
  .spec.template.spec.automountServiceAccountToken false
eventually_event "recorded" 20 drifted DriftRepaired \
  "GoldenPolicy no-privileged-containers check privileged"

# Both fields at once: the API server refuses privileged next to allowPrivilegeEscalation false.
k patch $deployment --type=json -p '[{"op":"replace",
  "path":"/spec/template/spec/containers/0/securityContext",
  "value":{"privileged":true,"allowPrivilegeEscalation":true}}]' \
  >/dev/null || fail "kubectl patch sets privileged: true"
eventually_field "drift after a later kubectl patch is repaired again" 20 "$deployment" \
  .spec.template.spec.containers[0].securityContext.privileged false
# The same repair again is counted into the Event already there, not a second Event.
eventually_event_count "the repeated repair" 20 drifted DriftRepaired \
  "GoldenPolicy no-privileged-containers check privileged" 2

eventually_metric "ccspm_drift_repaired_total{policy=no-privileged-containers}" 10 \
  "$CCSPM_CONTROLLER_METRICS_URL" ccspm_drift_repaired_total 'policy="no-privileged-containers"' 2
