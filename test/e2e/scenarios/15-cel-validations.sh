# CEL validations deny at admission, for Pods and for the pod template of every controller,
# with the policy's message or messageExpression.

expect_denied "a Pod on the host network" \
  "GoldenPolicy no-host-namespaces check hostNetwork: pods must not use the host network" <<YAML
apiVersion: v1
kind: Pod
metadata: {name: host-net, namespace: $NS}
spec:
  hostNetwork: true
  containers: [{name: c, image: busybox}]
YAML

expect_denied "a DaemonSet sharing the host PID namespace" \
  "GoldenPolicy no-host-namespaces check hostPID: containers agent, shell must not share the host PID namespace (at spec.template.spec)" <<YAML
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent, namespace: $NS}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      hostPID: true
      containers: [{name: agent, image: busybox}, {name: shell, image: busybox}]
YAML

expect_admitted "a Pod that keeps to its own namespaces" <<YAML
apiVersion: v1
kind: Pod
metadata: {name: contained, namespace: $NS}
spec:
  hostNetwork: false
  containers: [{name: c, image: busybox}]
YAML

expect_admitted "a GoldenPolicy with a CEL syntax error (the engine rejects it, not the schema)" <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-broken-cel}
spec:
  match: {kinds: [ConfigMap]}
  validations:
    - {id: broken, expression: "object.data.("}
YAML
eventually_field "the CEL error is in the policy's status" 20 goldenpolicy/e2e-broken-cel \
  '.status.conditions[?(@.type=="Ready")].message' \
  "spec.validations[0].expression: 1:13: syntax error: expected a field name after '.', found '('"
k delete goldenpolicy e2e-broken-cel >/dev/null

# oldObject and request are bound at admission, as in a ValidatingAdmissionPolicy.
expect_admitted "a GoldenPolicy that keeps a ConfigMap's owner immutable" <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-immutable-owner}
spec:
  match: {kinds: [ConfigMap], namespaces: [$NS]}
  validations:
    - id: owner-immutable
      expression: >-
        request.operation != 'UPDATE' ||
        oldObject.data.?owner.orValue('') == object.data.?owner.orValue('')
      messageExpression: "'data.owner is immutable, it was ' + oldObject.data.owner"
YAML
expect_admitted "a ConfigMap with an owner" <<YAML
apiVersion: v1
kind: ConfigMap
metadata: {name: owned, namespace: $NS}
data: {owner: alice}
YAML
eventually_denied "changing the owner" 10 \
  "GoldenPolicy e2e-immutable-owner check owner-immutable: data.owner is immutable, it was alice" <<YAML
apiVersion: v1
kind: ConfigMap
metadata: {name: owned, namespace: $NS}
data: {owner: mallory}
YAML
k delete goldenpolicy e2e-immutable-owner >/dev/null

# namespaceObject is the object's Namespace, as in a ValidatingAdmissionPolicy.
k label namespace "$NS" ccspm.io/environment=prod >/dev/null
expect_admitted "a GoldenPolicy that reads the Namespace's labels" <<YAML
apiVersion: ccspm.io/v1alpha1
kind: GoldenPolicy
metadata: {name: e2e-prod-owner}
spec:
  match: {kinds: [ConfigMap], namespaces: [$NS]}
  validations:
    - id: prod-needs-owner
      expression: >-
        namespaceObject.metadata.?labels[?'ccspm.io/environment'].orValue('') != 'prod' ||
        has(object.data.owner)
      message: ConfigMaps in production namespaces name their owner
YAML
eventually_denied "an ownerless ConfigMap in a prod namespace" 10 \
  "GoldenPolicy e2e-prod-owner check prod-needs-owner: ConfigMaps in production namespaces name their owner" <<YAML
apiVersion: v1
kind: ConfigMap
metadata: {name: ownerless, namespace: $NS}
data: {key: value}
YAML
k delete goldenpolicy e2e-prod-owner >/dev/null
