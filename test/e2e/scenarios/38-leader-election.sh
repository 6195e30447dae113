# Two controller replicas with leader election share one Lease: one works, the other stands by,
# takes over when the leader dies, and a replica told to stop gives the Lease up at once.

ccspm=${CCSPM_BIN:-$CCSPM_ROOT/build/ccspm}
lease="lease/e2e-controller -n $NS"
replica_log() { echo "$CCSPM_STATE_DIR/e2e-replica-$1.log"; }

# Replicas are started in a command substitution, so they are not this shell's children and
# `wait` cannot wait for them: poll until the process is gone, 20 s at most.
wait_gone() {
  local pid=$1 i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

start_replica() {
  "$ccspm" controller --kubeconfig "$KUBECONFIG" --metrics-port 0 --workers 1 \
    --leader-elect=true --leader-elect-namespace "$NS" --leader-elect-lease e2e-controller \
    --leader-elect-identity "e2e-$1" >"$(replica_log "$1")" 2>&1 &
  echo $!
}

# log_has WHAT REPLICA TEXT [absent]: the replica's log holds TEXT (or, with "absent", does not).
log_has() {
  local what=$1 replica=$2 text=$3 absent=${4:-}
  if grep -qF -- "$text" "$(replica_log "$replica")"; then
    [[ -z "$absent" ]] && pass "$what" || fail "$what" "its log says $text"
  else
    [[ -n "$absent" ]] && pass "$what" ||
      fail "$what" "no $text in its log, which ends:" "$(tail -n 5 "$(replica_log "$replica")")"
  fi
}

pid_a=$(start_replica a)
pid_b=""
# Whatever happens below, no replica outlives the scenario.
trap 'kill -KILL $pid_a $pid_b 2>/dev/null || true' EXIT
eventually_field "the first replica takes the Lease" 20 "$lease" .spec.holderIdentity e2e-a
pid_b=$(start_replica b)
sleep 3
expect_field "the second replica leaves it alone" "$lease" .spec.holderIdentity e2e-a
log_has "the second replica waits" b '"msg":"waiting for leadership"'
log_has "the second replica does no work while it waits" b '"msg":"controller started"' absent

# Whichever replica looks first, a deleted Lease goes back to the leader that may be working.
k delete $lease >/dev/null
eventually_field "the leader recreates its deleted Lease" 10 "$lease" .spec.holderIdentity e2e-a
sleep 3
log_has "the standby did not take the deleted Lease" b '"msg":"controller started"' absent

kill -KILL "$pid_a"
wait_gone "$pid_a"
# The Lease lasts 15 s from the last renewal the standby saw; it retries every 2 s.
eventually_field "the standby takes over from the dead leader" 30 "$lease" \
  .spec.holderIdentity e2e-b
expect_field "the takeover is counted" "$lease" .spec.leaseTransitions 1
eventually_log() {
  local start=$SECONDS
  until grep -qF '"msg":"controller started"' "$(replica_log b)"; do
    ((SECONDS - start < 10)) || break
    sleep 0.5
  done
  log_has "the new leader starts working" b '"msg":"controller started"'
}
eventually_log

kill -TERM "$pid_b"
wait_gone "$pid_b"
expect_field "a leader told to stop releases the Lease" "$lease" .spec.holderIdentity ""
log_has "and says so" b '"msg":"leadership released"'
