# A policy the engine cannot parse is left out with a condition in its status; the others keep
# working.

expect_admitted "a GoldenPolicy with a malformed path" <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-broken-path}
spec:
  match: {kinds: [ConfigMap]}
  settings:
    - {id: broken, path: "data[", value: x}
YAML

eventually_field "status says why" 20 goldenpolicy/e2e-broken-path \
  '.status.conditions[?(@.type=="Ready")].reason' InvalidPolicy
expect_field "status names the field" goldenpolicy/e2e-broken-path \
  '.status.conditions[?(@.type=="Ready")].message' \
  "spec.settings[0].path: path \"data[\" column 6: expected '*', an index, a quoted key or name=value"
eventually_field "a good policy is Ready" 20 goldenpolicy/no-privileged-containers \
  '.status.conditions[?(@.type=="Ready")].status' True

expect_denied "a privileged Pod, with a broken policy beside the good one" \
  "GoldenPolicy no-privileged-containers" <<YAML
apiVersion: v1
kind: Pod
metadata: {name: still-denied, namespace: $NS}
spec:
  containers: [{name: c, image: busybox, securityContext: {privileged: true}}]
YAML

expect_denied "a GoldenPolicy the schema rejects" 'spec.admission.action: Unsupported value: "Block"' <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-bad-action}
spec:
  match: {kinds: [Pod]}
  admission: {action: Block}
YAML

k delete goldenpolicy e2e-broken-path >/dev/null
