# Every manifest of kube-prometheus goes through the webhook: each is admitted or denied with a
# policy's message. No webhook error, no timeout, no crash. CRDs from setup/ come first.

corpus=$CCSPM_SHARED/corpus/kube-prometheus
if [[ ! -d "$corpus" ]]; then
  fail "the kube-prometheus corpus is at $corpus"
  return
fi

# Server-side apply: the CRDs are too large for the last-applied annotation of client-side apply.
if output=$(k apply --server-side -f "$corpus/setup/" 2>&1); then
  pass "setup/ applied ($(grep -c . <<<"$output") objects)"
else
  fail "setup/ applied" "$output"
fi
k wait --for=condition=Established crd --all --timeout=60s >/dev/null

admitted=0
denied=0
for manifest in "$corpus"/*.yaml; do
  name=$(basename "$manifest")
  if output=$(k apply --server-side -f "$manifest" 2>&1); then
    admitted=$((admitted + 1))
    pass "$name admitted"
  elif [[ "$output" == *"denied the request: GoldenPolicy "* ]]; then
    denied=$((denied + 1))
    pass "$name denied by a policy: $(grep -o 'GoldenPolicy [a-z0-9-]* check [a-z0-9-]*' \
      <<<"$output" | head -n 1)"
  else
    fail "$name admitted or denied by a policy" "$output"
  fi
done
echo "    kube-prometheus: $admitted admitted, $denied denied"

code=$(curl -sS -o /dev/null -w '%{http_code}' --cacert "$CCSPM_WEBHOOK_CERT_DIR/ca.crt" \
  "$CCSPM_WEBHOOK_URL/healthz")
if [[ "$code" == 200 ]]; then pass "the webhook is healthy after the corpus"; else
  fail "the webhook is healthy after the corpus" "healthz answered $code"; fi
