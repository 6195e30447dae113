# A Report policy leaves drift in place and says so with a Warning Event, once.

expect_admitted "a Deployment without an owner label, hidden from the webhook" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: unowned
  namespace: $NS
  labels: {ccspm.io/admission: skip}
spec:
  selector: {matchLabels: {app: unowned}}
  template:
    metadata: {labels: {app: unowned}}
    spec:
      automountServiceAccountToken: false
      containers:
        - name: web
          image: nginx
          securityContext: {privileged: false, allowPrivilegeEscalation: false}
YAML

eventually_event "reported" 20 unowned DriftDetected \
  "GoldenPolicy workload-owner-label check owner-label: metadata.labels[\"ccspm.io/owner\"] is not set"
expect_field "a Report policy does not change the object" "deployment/unowned -n $NS" \
  '.metadata.labels.ccspm\.io/owner' ""
