# A privileged Pod is denied at admission with the policy's message, and is not stored.

expect_denied "a privileged Pod" \
  "GoldenPolicy no-privileged-containers check privileged: spec.containers[0].securityContext.privileged is true, must be false" <<YAML
apiVersion: v1
kind: Pod
metadata: {name: root-shell, namespace: $NS}
spec:
  containers:
    - name: shell
      image: busybox
      securityContext: {privileged: true}
YAML

if k get pod root-shell -n "$NS" >/dev/null 2>&1; then
  fail "the denied Pod is not stored" "kubectl get pod root-shell found it"
else
  pass "the denied Pod is not stored"
fi

expect_denied "a Deployment whose template is privileged" \
  "spec.template.spec.containers[0].securityContext.privileged is true, must be false" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: privileged-web, namespace: $NS}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          securityContext: {privileged: true}
YAML
