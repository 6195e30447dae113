# A Deployment missing golden settings is admitted with them filled in by the mutating webhook.

expect_admitted "a Deployment without golden settings" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: $NS}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
        - name: sidecar
          image: busybox
          securityContext: {runAsUser: 1000}
YAML

deployment="deployment/web -n $NS"
expect_field "defaulted" "$deployment" .spec.template.spec.automountServiceAccountToken false
expect_field "defaulted" "$deployment" \
  .spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation false
expect_field "defaulted" "$deployment" \
  .spec.template.spec.containers[0].securityContext.privileged false
expect_field "kept the user's setting beside the default" "$deployment" \
  .spec.template.spec.containers[1].securityContext.runAsUser 1000
expect_field "defaulted" "$deployment" \
  .spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation false
expect_field "defaulted label with a '/' in its key" "$deployment" \
  '.metadata.labels.ccspm\.io/owner' unassigned

expect_admitted "a Deployment that sets its own owner" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: owned, namespace: $NS, labels: {ccspm.io/owner: payments}}
spec:
  selector: {matchLabels: {app: owned}}
  template:
    metadata: {labels: {app: owned}}
    spec:
      automountServiceAccountToken: true
      containers: [{name: web, image: nginx}]
YAML
expect_field "a Default setting the user chose is kept" "deployment/owned -n $NS" \
  .spec.template.spec.automountServiceAccountToken true
expect_field "a Default label the user chose is kept" "deployment/owned -n $NS" \
  '.metadata.labels.ccspm\.io/owner' payments
