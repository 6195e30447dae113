#!/usr/bin/env bash
# Runs a real, local Kubernetes control plane (etcd + kube-apiserver, nothing else) on 127.0.0.1
# for `make run` and the end-to-end tests.
#
#   hack/control-plane.sh start           start, or report the running one; prints how to use it
#   hack/control-plane.sh stop [--clean]  stop it; --clean also deletes the state directory
#   hack/control-plane.sh status          say what runs; exit 0 when everything runs, 3 if not
#   hack/control-plane.sh env             print the export lines of $STATE/env
#
# STATE is ${CCSPM_STATE_DIR:-/tmp/ccspm-cluster}. After start it holds kubeconfig (admin,
# certificates embedded), env (KUBECONFIG, KUBECTL, CA paths, API URL; meant to be sourced),
# webhook/{tls.crt,tls.key,ca.crt} for ccspm's webhook served on the host, pki/, etcd/ (data),
# *.log and *.pid.
#
# Without kube-controller-manager, scheduler or kubelet, objects are stored and admitted but
# nothing acts on them: a Deployment gets no ReplicaSet, a Pod stays Pending. That is all the
# admission webhook and the drift-repair controller need, and it starts in seconds.
set -euo pipefail

hack_dir=$(cd "$(dirname "$0")" && pwd)
source "$hack_dir/lib.sh"
state=${CCSPM_STATE_DIR:-/tmp/ccspm-cluster}
pki="$state/pki"
# Marks a directory as created by this script, so `stop --clean` never deletes anything else
# that CCSPM_STATE_DIR might point at by mistake.
marker="$state/.ccspm-control-plane"
service_cluster_ip_range=10.0.0.0/24

main() {
  case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    status) status ;;
    env) print_env ;;
    *)
      echo "usage: $0 start | stop [--clean] | status | env" >&2
      exit 2
      ;;
  esac
}

start() {
  if running_pid etcd >/dev/null && running_pid kube-apiserver >/dev/null; then
    echo "control plane already running" >&2
    print_guidance
    return
  fi
  # Half a cluster (one process died) is restarted whole rather than patched up.
  stop_all
  prepare_state_dir

  local bin_dir
  bin_dir=$(bash "$hack_dir/build-control-plane.sh" | tail -n 1)
  ensure_pki

  local ports etcd_port etcd_peer_port apiserver_port
  ports=$(free_ports 3)
  read -r etcd_port etcd_peer_port apiserver_port <<<"$ports"

  start_etcd "$bin_dir" "$etcd_port" "$etcd_peer_port"
  start_apiserver "$bin_dir" "$etcd_port" "$apiserver_port"
  write_kubeconfig "$apiserver_port"
  write_env "$bin_dir" "$apiserver_port"
  ensure_default_namespace "$bin_dir/kubectl"
  print_guidance
}

prepare_state_dir() {
  if [[ -d "$state" && ! -f "$marker" && -n "$(ls -A "$state")" ]]; then
    echo "$state exists, is not empty and was not made by $0; set CCSPM_STATE_DIR" >&2
    exit 1
  fi
  # The directory holds private keys and an admin kubeconfig.
  mkdir -p "$state"
  chmod 700 "$state"
  touch "$marker"
  mkdir -p "$pki" "$state/webhook" "$state/etcd"
}

# --- certificates ---------------------------------------------------------------------------

# Keys and certificates survive restarts, so a webhook caBundle or a kubeconfig copied elsewhere
# stays valid; they are all made again when one is missing or expires within a day.
ensure_pki() {
  local files=("$pki/ca.crt" "$pki/apiserver.crt" "$pki/admin.crt" "$pki/webhook-ca.crt"
               "$state/webhook/tls.crt" "$pki/service-account.pub")
  local file
  for file in "${files[@]}"; do
    if [[ ! -f "$file" ]] \
       || { [[ "$file" == *.crt ]] && ! openssl x509 -checkend 86400 -noout -in "$file" \
            >/dev/null; }; then
      make_pki
      return
    fi
  done
}

make_pki() {
  # Keys are P-256: generated instantly, and accepted by Go's TLS, OpenSSL and the API server's
  # service-account token signer (ES256).
  local umask_before
  umask_before=$(umask)
  umask 077

  issue_ca "$pki/ca" "ccspm-cluster-ca"
  issue "$pki/apiserver" "/CN=kube-apiserver" "$pki/ca" \
    "serverAuth" "subjectAltName = IP:127.0.0.1, DNS:localhost"
  # system:masters is bound to cluster-admin by the API server's bootstrap RBAC policy.
  issue "$pki/admin" "/O=system:masters/CN=ccspm-admin" "$pki/ca" "clientAuth" ""

  # The webhook gets a CA of its own: the API server trusts it only through the caBundle of the
  # webhook configuration, as it would for a webhook in a real cluster.
  issue_ca "$pki/webhook-ca" "ccspm-webhook-ca"
  issue "$state/webhook/tls" "/CN=ccspm-webhook" "$pki/webhook-ca" \
    "serverAuth" "subjectAltName = IP:127.0.0.1, DNS:localhost"
  cp "$pki/webhook-ca.crt" "$state/webhook/ca.crt"

  new_key "$pki/service-account.key"
  openssl pkey -in "$pki/service-account.key" -pubout -out "$pki/service-account.pub"

  umask "$umask_before"
}

new_key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# openssl req reads its extensions from a config file; this one is written for each certificate
# so the system's openssl.cnf (which may add CA:TRUE to everything) plays no part.
req_config() {
  local extensions=$1
  printf '[req]\ndistinguished_name = dn\nx509_extensions = ext\n[dn]\n[ext]\n%s\n' \
    "$extensions"
}

issue_ca() {
  local out=$1 common_name=$2
  new_key "$out.key"
  openssl req -new -x509 -key "$out.key" -out "$out.crt" -days 3650 -subj "/CN=$common_name" \
    -config <(req_config "basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash")
}

# issue OUT SUBJECT CA EXTENDED_KEY_USAGE EXTRA_EXTENSION: writes OUT.key and OUT.crt signed by
# CA.key.
issue() {
  local out=$1 subject=$2 ca=$3 usage=$4 extra=$5
  new_key "$out.key"
  openssl req -new -x509 -key "$out.key" -out "$out.crt" -days 365 -subj "$subject" \
    -CA "$ca.crt" -CAkey "$ca.key" -config <(req_config "basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = $usage
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
$extra")
}

# --- processes ------------------------------------------------------------------------------

start_etcd() {
  local bin_dir=$1 port=$2 peer_port=$3
  local args=(
    --name=ccspm
    --data-dir="$state/etcd"
    --listen-client-urls="http://127.0.0.1:$port"
    --advertise-client-urls="http://127.0.0.1:$port"
    --listen-peer-urls="http://127.0.0.1:$peer_port"
    --initial-advertise-peer-urls="http://127.0.0.1:$peer_port"
    --initial-cluster="ccspm=http://127.0.0.1:$peer_port"
  )
  # The data is disposable, and fsync on every write is most of etcd's latency on a test machine.
  if "$bin_dir/etcd" --help 2>&1 | grep -q -- --unsafe-no-fsync; then
    args+=(--unsafe-no-fsync)
  fi

  launch etcd "$bin_dir/etcd" "${args[@]}"
  wait_for etcd 30 curl --noproxy '*' -fsS -o /dev/null "http://127.0.0.1:$port/health"
}

start_apiserver() {
  local bin_dir=$1 etcd_port=$2 port=$3
  local args=(
    --etcd-servers="http://127.0.0.1:$etcd_port"
    --bind-address=127.0.0.1
    --advertise-address=127.0.0.1
    # The reconciler publishes the advertise address as the endpoint of the `kubernetes` Service
    # and refuses loopback addresses; nothing runs in the cluster to use that Service anyway.
    --endpoint-reconciler-type=none
    --secure-port="$port"
    --tls-cert-file="$pki/apiserver.crt"
    --tls-private-key-file="$pki/apiserver.key"
    --client-ca-file="$pki/ca.crt"
    --authorization-mode=RBAC
    --service-cluster-ip-range="$service_cluster_ip_range"
    --service-account-issuer=https://kubernetes.default.svc.cluster.local
    --service-account-key-file="$pki/service-account.pub"
    --service-account-signing-key-file="$pki/service-account.key"
    # The ServiceAccount plugin rejects every Pod until the namespace's `default` ServiceAccount
    # exists, and only kube-controller-manager (not run here) creates those accounts.
    --disable-admission-plugins=ServiceAccount
    # As in kubeadm clusters: otherwise the API server itself rejects privileged Pods before any
    # admission webhook sees them, and policies about privilege could not be tested end to end.
    --allow-privileged=true
  )
  launch kube-apiserver "$bin_dir/kube-apiserver" "${args[@]}"
  wait_for kube-apiserver 90 curl --noproxy '*' -fsS -o /dev/null --cacert "$pki/ca.crt" \
    --cert "$pki/admin.crt" --key "$pki/admin.key" "https://127.0.0.1:$port/readyz"
}

# launch NAME COMMAND...: starts COMMAND in the background, logging to $STATE/NAME.log.
# Called by lib.sh when etcd or the API server fails to start: leave nothing half running.
on_start_failure() {
  stop_all
}

# Stops the API server, then etcd, so the API server does not spend its shutdown retrying a
# vanished etcd, and etcd has no open watches to wait for.
stop_all() {
  local pids=() name pid i
  for name in kube-apiserver etcd; do
    if pid=$(running_pid "$name"); then
      pids+=("$pid")
    fi
    stop_process "$name"
  done

  # The processes outlived the shell that started them, so init reaps them, and this machine's
  # init takes about two seconds. Waiting for that (bounded, both at once) means a `pgrep`
  # right after stop finds no zombie either.
  for pid in "${pids[@]}"; do
    for ((i = 0; i < 40; i++)); do
      [[ -e "/proc/$pid" ]] || break
      sleep 0.1
    done
  done
}

stop() {
  local option=$1
  if [[ -n "$option" && "$option" != --clean ]]; then
    echo "usage: $0 stop [--clean]" >&2
    exit 2
  fi
  [[ -d "$state" ]] || return 0

  stop_all
  if running_pid kube-apiserver >/dev/null || running_pid etcd >/dev/null; then
    echo "could not stop the control plane in $state" >&2
    exit 1
  fi
  rm -f "$state/env"

  if [[ "$option" == --clean ]]; then
    if [[ -f "$marker" ]]; then
      rm -rf "$state"
    else
      echo "not deleting $state: it was not made by $0" >&2
    fi
  fi
}

status() {
  local running=0 name pid
  for name in etcd kube-apiserver; do
    if pid=$(running_pid "$name"); then
      echo "$name: running (pid $pid)"
      running=$((running + 1))
    else
      echo "$name: stopped"
    fi
  done
  if ((running == 2)); then
    # shellcheck source=/dev/null
    source "$state/env"
    echo "API server: $CCSPM_APISERVER_URL"
    echo "KUBECONFIG: $KUBECONFIG"
    return 0
  fi
  return 3
}

print_env() {
  if [[ ! -f "$state/env" ]]; then
    echo "no control plane started in $state; run: $0 start" >&2
    exit 1
  fi
  cat "$state/env"
}

# --- files for clients ----------------------------------------------------------------------

write_kubeconfig() {
  local port=$1 file="$state/kubeconfig"
  (
    umask 077
    cat >"$file.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ccspm
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $(base64 -w0 "$pki/ca.crt")
users:
- name: ccspm-admin
  user:
    client-certificate-data: $(base64 -w0 "$pki/admin.crt")
    client-key-data: $(base64 -w0 "$pki/admin.key")
contexts:
- name: ccspm
  context:
    cluster: ccspm
    user: ccspm-admin
current-context: ccspm
EOF
  )
  # Renamed into place so a client never reads half a file.
  mv "$file.tmp" "$file"
}

write_env() {
  local bin_dir=$1 port=$2
  {
    echo "# Written by hack/control-plane.sh start; source it to talk to the local cluster."
    printf 'export KUBECONFIG=%q\n' "$state/kubeconfig"
    printf 'export KUBECTL=%q\n' "$bin_dir/kubectl"
    printf 'export CCSPM_APISERVER_URL=%q\n' "https://127.0.0.1:$port"
    printf 'export CCSPM_CLUSTER_CA=%q\n' "$pki/ca.crt"
    printf 'export CCSPM_WEBHOOK_CERT_DIR=%q\n' "$state/webhook"
  } >"$state/env.tmp"
  mv "$state/env.tmp" "$state/env"
}

# The API server's own bootstrap controller creates default, kube-system, kube-public and
# kube-node-lease shortly after start; this only covers a start where it has not yet done so.
ensure_default_namespace() {
  local kubectl=$1
  local args=(--kubeconfig="$state/kubeconfig" --request-timeout=10s)
  "$kubectl" "${args[@]}" get namespace default >/dev/null 2>&1 \
    || "$kubectl" "${args[@]}" create namespace default >/dev/null 2>&1 \
    || "$kubectl" "${args[@]}" get namespace default >/dev/null
}

# shellcheck disable=SC2153  # $STATE/env sets KUBECTL and the other names used here
print_guidance() {
  # shellcheck source=/dev/null
  source "$state/env"
  cat <<EOF
control plane ready at $CCSPM_APISERVER_URL (state in $state)
  export KUBECONFIG=$KUBECONFIG
  kubectl: $KUBECTL
or, for KUBECONFIG, KUBECTL, CCSPM_CLUSTER_CA and CCSPM_WEBHOOK_CERT_DIR:
  source $state/env
EOF
}

main "$@"
