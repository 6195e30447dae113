#!/usr/bin/env bash
# Prints the Validating- and MutatingWebhookConfiguration that register a ccspm webhook served
# at BASE_URL (e.g. https://127.0.0.1:9443) whose serving certificate is signed by CA_FILE.
#
#   hack/webhook-configuration.sh BASE_URL CA_FILE [EXCLUDED_NAMESPACE...]
#
# Safe defaults: kube-system and the excluded namespaces are never sent to the webhook, nor is
# any object labelled ccspm.io/admission=skip (the documented way around ccspm for one object);
# a short timeout; failurePolicy Fail so a policy cannot be bypassed by overloading ccspm.
# If the webhook is down and blocks the cluster, delete both configurations:
#   kubectl delete validatingwebhookconfiguration,mutatingwebhookconfiguration ccspm
set -euo pipefail

if (($# < 2)); then
  echo "usage: $0 BASE_URL CA_FILE [EXCLUDED_NAMESPACE...]" >&2
  exit 2
fi
base_url=$1
ca_bundle=$(base64 -w0 <"$2")
shift 2
excluded=(kube-system "$@")
excluded_list=$(printf '"%s",' "${excluded[@]}")
excluded_list="[${excluded_list%,}]"

webhook() {
  local name=$1 path=$2
  cat <<YAML
  - name: $name
    admissionReviewVersions: ["v1"]
    sideEffects: None
    failurePolicy: Fail
    timeoutSeconds: 5
    clientConfig:
      url: "$base_url$path"
      caBundle: "$ca_bundle"
    rules:
      - operations: ["CREATE", "UPDATE"]
        apiGroups: ["*"]
        apiVersions: ["*"]
        resources: ["*"]
        scope: "*"
    namespaceSelector:
      matchExpressions:
        - key: kubernetes.io/metadata.name
          operator: NotIn
          values: $excluded_list
    objectSelector:
      matchExpressions:
        - key: ccspm.io/admission
          operator: NotIn
          values: ["skip"]
YAML
}

cat <<YAML
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: ccspm
webhooks:
$(webhook mutate.ccspm.io /mutate)
    reinvocationPolicy: IfNeeded
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: ccspm
webhooks:
$(webhook validate.ccspm.io /validate)
YAML
