# Both components expose real Prometheus text format with the outcomes counted.

denied=$(metric_value "$CCSPM_WEBHOOK_METRICS_URL" ccspm_admission_requests_total \
  'decision="denied"')
expect_at_least "ccspm_admission_requests_total{decision=denied}" "$denied" 1
loaded=$(metric_value "$CCSPM_CONTROLLER_METRICS_URL" ccspm_policies_loaded '')
expect_at_least "ccspm_policies_loaded" "$loaded" 3

for url in "$CCSPM_WEBHOOK_METRICS_URL" "$CCSPM_CONTROLLER_METRICS_URL"; do
  if output=$(curl -fsS "$url" | python3 "$CCSPM_ROOT/test/e2e/check_prometheus_text.py" 2>&1); then
    pass "$url parses as Prometheus text format ($output)"
  else
    fail "$url parses as Prometheus text format" "$output"
  fi
done
