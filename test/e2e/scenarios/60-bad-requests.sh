# Bad requests straight to the webhook get a clear 4xx, never a crash; the webhook still serves.

post() {
  curl -sS -o "$CCSPM_STATE_DIR/body" -w '%{http_code}' --cacert "$CCSPM_WEBHOOK_CERT_DIR/ca.crt" \
    -H 'Content-Type: application/json' --data-binary "@$1" "$CCSPM_WEBHOOK_URL/validate"
}

expect_status() {
  local what=$1 file=$2 code=$3 text=$4 got body
  got=$(post "$file")
  body=$(cat "$CCSPM_STATE_DIR/body")
  if [[ "$got" == "$code" && "$body" == *"$text"* ]]; then
    pass "$what gets $code: ${text:0:60}"
  else
    fail "$what gets $code with \"$text\"" "got $got: ${body:0:300}"
  fi
}

input=$CCSPM_STATE_DIR/input
printf '{"apiVersion": "admission.k8s.io/v1", "kind": ' >"$input"
expect_status "malformed JSON" "$input" 400 "line 1"

printf '{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"x"}}' \
  >"$input"
expect_status "an AdmissionReview of another version" "$input" 400 "admission.k8s.io/v1"

head -c $((4 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$input"
expect_status "a 4 MiB body" "$input" 413 ""

code=$(curl -sS -o /dev/null -w '%{http_code}' --cacert "$CCSPM_WEBHOOK_CERT_DIR/ca.crt" \
  "$CCSPM_WEBHOOK_URL/healthz")
if [[ "$code" == 200 ]]; then pass "the webhook is healthy afterwards"; else
  fail "the webhook is healthy afterwards" "healthz answered $code"; fi
