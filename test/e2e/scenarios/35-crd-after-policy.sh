# A policy may name a kind before its CRD is installed: the controller starts watching the kind
# once the cluster serves it, without any policy change, and repairs the drift it finds there.
# Deleting the policy then takes its series out of the controller's metrics.

expect_admitted "a GoldenPolicy on a kind the cluster does not serve yet" <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-widget-replicas}
spec:
  match: {kinds: [e2e.ccspm.io/Widget], namespaces: [$NS]}
  drift: {action: Remediate}
  settings:
    - id: replicas
      path: spec.replicas
      value: 2
      mode: Enforce
      message: widgets run two replicas
YAML
eventually_field "the controller loaded it" 20 goldenpolicy/e2e-widget-replicas \
  '.status.conditions[?(@.type=="Ready")].status' True

widget_crd() {
  cat <<YAML
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.e2e.ccspm.io}
spec:
  group: e2e.ccspm.io
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
YAML
}

# small_widget NAME: a Widget with one replica, labelled so the webhook does not see it.
small_widget() {
  cat <<YAML
apiVersion: e2e.ccspm.io/v1
kind: Widget
metadata:
  name: $1
  namespace: $NS
  labels: {ccspm.io/admission: skip}
spec: {replicas: 1}
YAML
}

widget_crd | expect_admitted "the Widget CRD, installed after the policy"
k wait --for=condition=Established crd/widgets.e2e.ccspm.io --timeout=30s >/dev/null ||
  fail "the Widget CRD is established"

small_widget small | expect_admitted "a Widget with one replica, which the webhook does not see"
# Discovery is asked again at most every 10 s, and unserved kinds are retried every 10 s.
eventually_field "the new kind is watched and its drift repaired" 45 "widget/small -n $NS" \
  .spec.replicas 2

eventually_metric "the repair is counted" 10 "$CCSPM_CONTROLLER_METRICS_URL" \
  ccspm_drift_repaired_total 'policy="e2e-widget-replicas"' 1

# The CRD deleted: its watch stops; installed again: watched again, and repaired again.
watched=$(metric_value "$CCSPM_CONTROLLER_METRICS_URL" ccspm_watched_resources "")
k delete crd widgets.e2e.ccspm.io >/dev/null
start=$SECONDS
until [[ "$(metric_value "$CCSPM_CONTROLLER_METRICS_URL" ccspm_watched_resources "")" == \
  "$((watched - 1))" ]] || ((SECONDS - start >= 40)); do sleep 0.5; done
expect_at_least "the deleted CRD's kind is no longer watched ($watched before)" \
  "$((watched - $(metric_value "$CCSPM_CONTROLLER_METRICS_URL" ccspm_watched_resources "")))" 1
widget_crd | expect_admitted "the Widget CRD, installed again"
k wait --for=condition=Established crd/widgets.e2e.ccspm.io --timeout=30s >/dev/null ||
  fail "the Widget CRD is established again"
small_widget again | expect_admitted "another Widget with one replica"
eventually_field "the kind is watched again and the new Widget repaired" 45 \
  "widget/again -n $NS" .spec.replicas 2

# A deleted policy's series leave the scrape rather than lingering until a restart.
k delete goldenpolicy e2e-widget-replicas >/dev/null
eventually_no_metric "the deleted policy's repair series is gone" 20 \
  "$CCSPM_CONTROLLER_METRICS_URL" ccspm_drift_repaired_total 'policy="e2e-widget-replicas"'
k delete widget small again -n "$NS" >/dev/null
k delete crd widgets.e2e.ccspm.io >/dev/null
