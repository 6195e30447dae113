# The Helm chart in charts/ccspm: it lints; its CRD is the one in crds/; what it renders, with
# the default values and with overridden ones, is accepted whole by the real kube-apiserver
# (server-side dry run) with the webhook safety defaults and a restricted pod securityContext;
# a real install, upgrade and uninstall keeps the serving certificate and leaves nothing behind.
#
# Helm is built from the Go module proxy on first use (hack/build-helm.sh, a few minutes).

chart=$CCSPM_ROOT/charts/ccspm
work=$(mktemp -d "${CCSPM_STATE_DIR:-/tmp}/helm.XXXXXX")
# Helm keeps its caches and settings here, not in the home directory.
export HELM_CACHE_HOME=$work/cache HELM_CONFIG_HOME=$work/config HELM_DATA_HOME=$work/data
release=e2e
fullname=e2e-ccspm

if ! helm=$(bash "$CCSPM_ROOT/hack/build-helm.sh"); then
  fail "helm is built by hack/build-helm.sh"
  return
fi
pass "helm $("$helm" version --template '{{.Version}}') at $helm"

# Helm notes on stderr that the chart's CRD is a symbolic link into crds/; that line is noise.
helm_run() {
  local status
  { "$helm" "$@" 2>&1 1>&3 3>&- | grep -v 'found symbolic link in path' >&2
    status=${PIPESTATUS[0]}; } 3>&1
  return "$status"
}

# checks FILE: runs the Python checks on stdin against FILE, a JSON List of objects, and turns
# each "pass<TAB>what" or "fail<TAB>what<TAB>evidence" line into an assertion.
checks() {
  local file=$1 output verdict what evidence
  if [[ ! -s "$file" ]]; then
    cat >/dev/null
    fail "checks on $(basename "$file")" "the API server accepted nothing to check"
    return
  fi
  if ! output=$(python3 - "$file" 2>&1); then
    fail "the checks on $(basename "$file") ran" "$output"
    return
  fi
  while IFS=$'\t' read -r verdict what evidence; do
    if [[ "$verdict" == pass ]]; then pass "$what"; else fail "$what" "$evidence"; fi
  done <<<"$output"
}

# Definitions the Python checks share: load the objects, find them, report.
prelude='
import base64, json, sys
loaded = json.load(open(sys.argv[1]))
items = loaded["items"] if loaded["kind"] == "List" else [loaded]
def find(kind, name=None):
    return [o for o in items if o["kind"] == kind and name in (None, o["metadata"]["name"])]
def check(ok, what, evidence=""):
    print("pass\t" + what if ok else "fail\t" + what + "\t" + str(evidence)[:300])
def webhooks():
    for kind in ("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"):
        for config in find(kind):
            for hook in config["webhooks"]:
                yield kind, hook
def pod_templates():
    for deployment in find("Deployment"):
        yield deployment["metadata"]["name"], deployment["spec"]["template"]["spec"]
def excluded(hook):
    for e in hook["namespaceSelector"]["matchExpressions"]:
        if e["key"] == "kubernetes.io/metadata.name" and e["operator"] == "NotIn":
            return e["values"]
    return []
'

# --- lint and the CRD ---------------------------------------------------------------------------

if output=$(helm_run lint --strict "$chart" 2>&1); then
  pass "helm lint --strict: $(grep -o '[0-9]* chart(s) linted, [0-9]* chart(s) failed' \
    <<<"$output")"
else
  fail "helm lint --strict" "$output"
fi

# The chart's crds/ holds a symbolic link to crds/: one source of truth. `helm package` must
# store the file itself, byte for byte.
if helm_run package "$chart" -d "$work/package" >/dev/null &&
  tar -xOzf "$work/package/ccspm-0.1.0.tgz" ccspm/crds/goldenpolicies.ccspm.io.yaml |
  cmp -s - "$CCSPM_ROOT/crds/goldenpolicies.ccspm.io.yaml"; then
  pass "the packaged chart's CRD is crds/goldenpolicies.ccspm.io.yaml byte for byte"
else
  fail "the packaged chart's CRD is crds/goldenpolicies.ccspm.io.yaml byte for byte" \
    "$(tar -tzf "$work/package/ccspm-0.1.0.tgz" 2>&1 | grep crds)"
fi

# --- default values -----------------------------------------------------------------------------

# The Pod Security Standards restricted level is enforced where the chart is rendered to: the
# real API server then judges every pod template against it.
k label namespace "$NS" pod-security.kubernetes.io/enforce=restricted \
  pod-security.kubernetes.io/warn=restricted --overwrite >/dev/null

# dry_run WHAT FILE: every object of FILE is accepted by the API server (CRDs are left out of
# the render: the stack installed them). The accepted objects land in FILE.json.
dry_run() {
  local what=$1 file=$2 rendered accepted
  rendered=$(grep -c '^kind:' "$file")
  if ! k apply --dry-run=server -f "$file" -o json 2>"$file.err" >"$file.json"; then
    fail "$what: accepted by the API server (dry run)" "$(cat "$file.err")"
    rm -f "$file.json"
    return
  fi
  accepted=$(python3 -c 'import json, sys; o = json.load(open(sys.argv[1]))
print(len(o["items"]) if o["kind"] == "List" else 1)' "$file.json")
  if grep -q 'would violate PodSecurity' "$file.err"; then
    fail "$what: no PodSecurity warning" "$(cat "$file.err")"
  elif ((accepted == rendered)); then
    pass "$what: all $accepted objects accepted by the API server (dry run)"
  else
    fail "$what: all objects accepted" "$rendered rendered, $accepted accepted"
  fi
}

defaults=$work/defaults.yaml
if helm_run template "$release" "$chart" -n "$NS" --skip-crds >"$defaults"; then
  pass "helm template with the default values ($(grep -c '^kind:' "$defaults") objects)"
else
  fail "helm template with the default values"
fi
dry_run "default values" "$defaults"

checks "$defaults.json" <<PY
$prelude
kinds = sorted({o["kind"] for o in items})
check(kinds == sorted(["ClusterRole", "ClusterRoleBinding", "Deployment",
    "MutatingWebhookConfiguration", "PodDisruptionBudget", "Role", "RoleBinding", "Secret",
    "Service", "ServiceAccount", "ValidatingWebhookConfiguration"]),
    "default values render the expected kinds", kinds)

secret = find("Secret", "$fullname-webhook-tls")[0]["data"]
for kind, hook in webhooks():
    bundle = hook["clientConfig"].get("caBundle", "")
    check(base64.b64decode(bundle).startswith(b"-----BEGIN CERTIFICATE-----"),
          kind + " " + hook["name"] + ": caBundle holds a PEM certificate", bundle[:40])
    check(bundle == secret["ca.crt"], kind + ": caBundle is the CA of the serving Secret")
    check(hook["failurePolicy"] == "Fail" and hook["timeoutSeconds"] == 5,
          kind + ": failurePolicy Fail, timeoutSeconds 5",
          (hook["failurePolicy"], hook["timeoutSeconds"]))
    check({"kube-system", "$NS", "kube-node-lease"} <= set(excluded(hook)),
          kind + ": kube-system, kube-node-lease and the release namespace excluded",
          excluded(hook))
    skip = {"key": "ccspm.io/admission", "operator": "NotIn", "values": ["skip"]}
    check(skip in hook["objectSelector"]["matchExpressions"],
          kind + ": objects labelled ccspm.io/admission=skip are not sent",
          hook["objectSelector"])
    rule = hook["rules"][0]
    check(rule["operations"] == ["CREATE", "UPDATE"] and rule["resources"] == ["*"],
          kind + ": default rules are CREATE and UPDATE of everything", rule)
    service = hook["clientConfig"]["service"]
    check(service["name"] == "$fullname-webhook" and service["port"] == 443,
          kind + ": calls the webhook Service on 443", service)

for name, pod in pod_templates():
    context = pod["securityContext"]
    check(context.get("runAsNonRoot") is True and context.get("runAsUser") == 65532
          and context.get("seccompProfile", {}).get("type") == "RuntimeDefault",
          name + ": pod runs as non-root 65532 with seccomp RuntimeDefault", context)
    for container in pod["containers"]:
        c = container["securityContext"]
        check(c.get("allowPrivilegeEscalation") is False
              and c.get("readOnlyRootFilesystem") is True
              and c.get("capabilities", {}).get("drop") == ["ALL"]
              and c.get("runAsNonRoot") is True and not c.get("privileged"),
              name + ": container is restricted (no escalation, read-only root, drop ALL)", c)
        check(container["readinessProbe"]["httpGet"]["path"] == "/readyz"
              and container["livenessProbe"]["httpGet"]["path"] == "/healthz",
              name + ": probes /readyz and /healthz")

webhook = dict(pod_templates())["$fullname-webhook"]["containers"][0]
check(webhook["lifecycle"]["preStop"]["exec"]["command"][0] == "sleep",
      "webhook pods sleep before stopping, so endpoints drain", webhook.get("lifecycle"))
check("--exempt-username=system:serviceaccount:$NS:$fullname-controller" in webhook["args"],
      "the controller's service account is exempt from the webhook", webhook["args"])
controller = dict(pod_templates())["$fullname-controller"]["containers"][0]
check({"--exclude-namespace=kube-system", "--exclude-namespace=$NS"}
      <= set(controller["args"]),
      "the controller excludes kube-system and the release namespace", controller["args"])
check("--leader-elect=true" in controller["args"]
      and {e["name"] for e in controller.get("env", [])} >= {"POD_NAME", "POD_NAMESPACE"},
      "the controller replicas elect a leader, named by their pods", controller)
role = find("Role", "$fullname-controller-leader-election")
check(role and role[0]["rules"] == [{"apiGroups": ["coordination.k8s.io"],
                                     "resources": ["leases"],
                                     "verbs": ["get", "create", "patch"]}],
      "the controller may only get, create and patch Leases, in its namespace", role)

service = find("Service", "$fullname-webhook")[0]["spec"]["ports"][0]
check(service["port"] == 443 and service["targetPort"] == "https",
      "webhook Service 443 -> https", service)
rules = find("ClusterRole", "$fullname-webhook")[0]["rules"]
rules = {r["resources"][0]: r["verbs"] for r in rules}
check(rules == {"goldenpolicies": ["get", "list", "watch"],
                "namespaces": ["get", "list", "watch"]},
      "the webhook may only read policies and namespaces", rules)
rules = find("ClusterRole", "$fullname-controller")[0]["rules"]
check(all("*" not in r["verbs"] + r["resources"] and "delete" not in r["verbs"] for r in rules),
      "the controller's role has no wildcard and no delete", rules)
status = {"apiGroups": ["ccspm.io"], "resources": ["goldenpolicies/status"], "verbs": ["patch"]}
check(status in rules, "the controller may patch policy status")
PY

# The serving certificate is signed by the CA in caBundle and names the Service; each pod
# template, made into a Pod, passes the restricted level the namespace enforces.
if [[ -s "$defaults.json" ]]; then
  python3 - "$defaults.json" "$work" <<'PY'
import base64, json, sys
items = json.load(open(sys.argv[1]))["items"]
data = next(o for o in items if o["kind"] == "Secret")["data"]
for key in ("ca.crt", "tls.crt"):
    open(sys.argv[2] + "/" + key, "wb").write(base64.b64decode(data[key]))
pods = [{"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": o["metadata"]["name"] + "-pss",
                      "namespace": o["metadata"]["namespace"]},
         "spec": o["spec"]["template"]["spec"]} for o in items if o["kind"] == "Deployment"]
with open(sys.argv[2] + "/pods.json", "w") as out:
    json.dump({"apiVersion": "v1", "kind": "List", "items": pods}, out)
PY
  if output=$(openssl verify -CAfile "$work/ca.crt" -verify_hostname "$fullname-webhook.$NS.svc" \
    "$work/tls.crt" 2>&1); then
    pass "the serving certificate is signed by caBundle and valid for $fullname-webhook.$NS.svc"
  else
    fail "the serving certificate verifies for $fullname-webhook.$NS.svc" "$output"
  fi
  if output=$(k apply --dry-run=server -f "$work/pods.json" 2>&1); then
    pass "the pods pass Pod Security 'restricted' in the API server ($(grep -c 'created' \
      <<<"$output") Pods, dry run)"
  else
    fail "the pods pass Pod Security 'restricted'" "$output"
  fi
fi

# --- overridden values --------------------------------------------------------------------------

# A narrowed webhook: one kind, Ignore, a shorter timeout, an extra exclusion; one webhook
# replica (so no PodDisruptionBudget), no controller metrics, and a ServiceMonitor.
narrowed=$work/narrowed.yaml
monitor_crd=$CCSPM_SHARED/corpus/kube-prometheus/setup
monitor_crd=$monitor_crd/0servicemonitorCustomResourceDefinition.yaml
monitor=false
if [[ -f "$monitor_crd" ]] && k apply --server-side -f "$monitor_crd" >/dev/null &&
  k wait --for=condition=Established crd/servicemonitors.monitoring.coreos.com \
    --timeout=60s >/dev/null; then
  monitor=true
fi
if helm_run template "$release" "$chart" -n "$NS" --skip-crds \
  --set webhook.failurePolicy=Ignore,webhook.timeoutSeconds=3,webhook.replicas=1 \
  --set controller.metricsPort=0,logLevel=debug,image.tag=test \
  --set metrics.serviceMonitor.enabled=$monitor \
  --set-json 'webhook.rules=[{"operations": ["CREATE"], "apiGroups": ["apps"],
    "apiVersions": ["v1"], "resources": ["deployments"], "scope": "Namespaced"}]' \
  --set-json 'excludedNamespaces=["team-sandbox"]' >"$narrowed"; then
  pass "helm template with overridden values ($(grep -c '^kind:' "$narrowed") objects)"
else
  fail "helm template with overridden values"
fi
dry_run "overridden values" "$narrowed"

checks "$narrowed.json" <<PY
$prelude
for kind, hook in webhooks():
    check(hook["failurePolicy"] == "Ignore" and hook["timeoutSeconds"] == 3,
          kind + ": failurePolicy and timeoutSeconds follow the values")
    check(hook["rules"] == [{"operations": ["CREATE"], "apiGroups": ["apps"],
          "apiVersions": ["v1"], "resources": ["deployments"], "scope": "Namespaced"}],
          kind + ": rules narrowed", hook["rules"])
    check(sorted(excluded(hook)) == sorted(["kube-system", "$NS", "team-sandbox"]),
          kind + ": kube-system and the release namespace stay excluded beside the value's",
          excluded(hook))
check(not find("PodDisruptionBudget"), "no PodDisruptionBudget for one webhook replica")
check(not find("Service", "$fullname-controller-metrics"),
      "no controller metrics Service with metricsPort 0")
controller = dict(pod_templates())["$fullname-controller"]["containers"][0]
check("livenessProbe" not in controller and "--log-level=debug" in controller["args"]
      and controller["image"] == "ccspm:test",
      "controller: no probes without a port, flags and image follow the values", controller)
check(("$monitor" == "false") or len(find("ServiceMonitor")) == 1,
      "a ServiceMonitor when asked for (CRD available: $monitor)")
PY

# cert-manager instead of Helm for the certificate: no caBundle in the chart, an injection
# annotation instead. Only the webhook configurations are sent: this cluster has no cert-manager.
cm=$work/cert-manager.yaml
if helm_run template "$release" "$chart" -n "$NS" --skip-crds \
  --set webhook.certificate.source=cert-manager \
  -s templates/webhook-configuration.yaml >"$cm"; then
  dry_run "cert-manager webhook configurations" "$cm"
  checks "$cm.json" <<PY
$prelude
for kind, hook in webhooks():
    check("caBundle" not in hook["clientConfig"],
          kind + ": no caBundle from the chart with cert-manager")
for o in items:
    inject = o["metadata"]["annotations"].get("cert-manager.io/inject-ca-from")
    check(inject == "$NS/$fullname-webhook",
          o["kind"] + ": cert-manager injects the CA of $NS/$fullname-webhook")
PY
else
  fail "helm template with certificate.source=cert-manager"
fi

# Values the chart refuses, before anything reaches the cluster.
for bad in webhook.failurePolicy=Maybe webhook.timeoutSeconds=31 \
  controller.replicas=2,controller.leaderElection.enabled=false webhook.preStopSleepSeconds=30; do
  if output=$(helm_run template "$release" "$chart" -n "$NS" --set "$bad" 2>&1); then
    fail "helm template refuses $bad" "it rendered"
  else
    reason=$(grep -m 1 -o "at '.*\|): .*" <<<"$output" | sed 's/^): //')
    pass "helm template refuses $bad: ${reason:0:90}"
  fi
done

# --- a real install, upgrade and uninstall -----------------------------------------------------

# No kubelet here, so the pods never run: the webhook is narrowed to a request nobody makes and
# set to Ignore, so nothing else in this cluster waits on it meanwhile.
safe=(--skip-crds --set webhook.failurePolicy=Ignore
  --set-json 'webhook.rules=[{"operations": ["CONNECT"], "apiGroups": [""],
    "apiVersions": ["v1"], "resources": ["pods/portforward"]}]')
uninstall() {
  helm_run uninstall "$release" -n "$NS" --wait --timeout 60s >/dev/null 2>&1 || true
}
trap uninstall EXIT

ca_bundle() {
  k get validatingwebhookconfiguration "$fullname" \
    -o 'jsonpath={.webhooks[0].clientConfig.caBundle}'
}
if output=$(helm_run install "$release" "$chart" -n "$NS" "${safe[@]}" 2>&1); then
  pass "helm install"
  hatch="kubectl delete validatingwebhookconfiguration,mutatingwebhookconfiguration $fullname"
  if [[ "$output" == *"$hatch"* ]]; then pass "the install notes give the way out: $hatch"; else
    fail "the install notes give the way out" "$output"; fi
  first=$(ca_bundle)
  if output=$(helm_run upgrade "$release" "$chart" -n "$NS" "${safe[@]}" 2>&1); then
    pass "helm upgrade"
  else
    fail "helm upgrade" "$output"
  fi
  second=$(ca_bundle)
  if [[ -n "$first" && "$first" == "$second" ]]; then
    pass "helm upgrade keeps the serving certificate and caBundle (the Secret is reused)"
  else
    fail "helm upgrade keeps the caBundle" "before: ${first:0:40}" "after: ${second:0:40}"
  fi
  tls_ca=$(k get secret "$fullname-webhook-tls" -n "$NS" -o 'jsonpath={.data.ca\.crt}')
  if [[ "$tls_ca" == "$second" ]]; then pass "the installed Secret holds the caBundle's CA"; else
    fail "the installed Secret holds the caBundle's CA" "${tls_ca:0:40}"; fi
  if output=$(helm_run uninstall "$release" -n "$NS" --wait --timeout 60s 2>&1); then
    pass "helm uninstall"
  else
    fail "helm uninstall" "$output"
  fi
  left=$(k get validatingwebhookconfiguration,mutatingwebhookconfiguration \
    -o name 2>&1 | grep -c "/$fullname" || true)
  left=$((left + $(k get clusterrole,clusterrolebinding -o name 2>&1 |
    grep -c "/$fullname-" || true)))
  if ((left == 0)); then pass "nothing cluster-wide is left after uninstall"; else
    fail "nothing cluster-wide is left after uninstall" "$left objects named $fullname*"; fi
else
  fail "helm install" "$output"
fi
trap - EXIT
