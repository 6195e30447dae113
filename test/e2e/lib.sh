# Assertions for end-to-end scenarios. Sourced by run.sh; every scenario runs in a subshell with
# these functions, the stack's environment (KUBECTL, KUBECONFIG, CCSPM_* URLs) and NS, a fresh
# namespace of its own.
#
# Each check prints "ok - what" or "not ok - what" with the evidence, and appends its result to
# $E2E_RESULTS, which run.sh counts.

k() {
  "$KUBECTL" --request-timeout=30s "$@"
}

pass() {
  echo "ok - $1"
  echo pass >>"$E2E_RESULTS"
}

fail() {
  echo "not ok - $1"
  shift
  local line
  for line in "$@"; do echo "    $line"; done
  echo fail >>"$E2E_RESULTS"
}

# expect_denied WHAT EXPECTED_TEXT: applies the manifest on stdin; passes when the API server
# refuses it with a message containing EXPECTED_TEXT.
expect_denied() {
  local what=$1 expected=$2 output
  if output=$(k apply -f - 2>&1); then
    fail "$what is denied" "it was admitted: $output"
  elif [[ "$output" == *"$expected"* ]]; then
    pass "$what is denied: ${expected:0:80}"
  else
    fail "$what is denied with \"$expected\"" "got: $output"
  fi
}

# expect_admitted WHAT: applies the manifest on stdin; passes when it is stored.
expect_admitted() {
  local what=$1 output
  if output=$(k apply -f - 2>&1); then
    pass "$what is admitted"
  else
    fail "$what is admitted" "got: $output"
  fi
}

# expect_field WHAT RESOURCE JSONPATH EXPECTED: the stored value at JSONPATH equals EXPECTED.
# RESOURCE is split into words, so it may carry flags: "deployment/web -n $NS".
expect_field() {
  local what=$1 resource=$2 path=$3 expected=$4 actual
  actual=$(k get $resource -o "jsonpath={$path}" 2>&1) || true
  if [[ "$actual" == "$expected" ]]; then
    pass "$what: $path is $expected"
  else
    fail "$what: $path is $expected" "got: $actual"
  fi
}

# eventually_field WHAT SECONDS RESOURCE JSONPATH EXPECTED: like expect_field, polling for up
# to SECONDS; reports how long it took.
eventually_field() {
  local what=$1 seconds=$2 resource=$3 path=$4 expected=$5 actual start=$SECONDS
  while true; do
    actual=$(k get $resource -o "jsonpath={$path}" 2>&1) || true
    if [[ "$actual" == "$expected" ]]; then
      pass "$what: $path is $expected after $((SECONDS - start))s"
      return
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what: $path becomes $expected within ${seconds}s" "still: $actual"
      return
    fi
    sleep 0.5
  done
}

# eventually_event WHAT SECONDS OBJECT_NAME REASON TEXT: an Event about OBJECT_NAME in $NS with
# REASON and a message containing TEXT appears within SECONDS.
eventually_event() {
  local what=$1 seconds=$2 name=$3 reason=$4 text=$5 start=$SECONDS messages
  while true; do
    messages=$(k get events -n "$NS" --field-selector "involvedObject.name=$name,reason=$reason" \
      -o 'jsonpath={range .items[*]}{.message}{"\n"}{end}' 2>&1) || true
    if [[ "$messages" == *"$text"* ]]; then
      pass "$what: Event $reason about $name says \"${text:0:60}\""
      return
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what: Event $reason about $name within ${seconds}s" "events: $messages"
      return
    fi
    sleep 0.5
  done
}

# eventually_event_count WHAT SECONDS OBJECT_NAME REASON TEXT COUNT: the Events about
# OBJECT_NAME in $NS with REASON and TEXT in their message are one Event with count COUNT.
eventually_event_count() {
  local what=$1 seconds=$2 name=$3 reason=$4 text=$5 count=$6 start=$SECONDS lines matching
  while true; do
    lines=$(k get events -n "$NS" --field-selector "involvedObject.name=$name,reason=$reason" \
      -o 'jsonpath={range .items[*]}{.count} {.message}{"\n"}{end}' 2>&1) || true
    matching=$(grep -F -- "$text" <<<"$lines" || true)
    if [[ "$matching" == "$count "* && "$(wc -l <<<"$matching")" == 1 ]]; then
      pass "$what: one Event $reason about $name, count $count"
      return
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what: one Event $reason about $name with count $count within ${seconds}s" \
        "events: $lines"
      return
    fi
    sleep 0.5
  done
}

# metric_value URL NAME LABELS: the value of one sample, e.g.
#   metric_value "$CCSPM_WEBHOOK_METRICS_URL" ccspm_admission_requests_total 'decision="denied"'
# Prints nothing when the sample is absent.
metric_value() {
  local url=$1 name=$2 labels=$3
  curl -fsS "$url" | sample_value "$name" "$labels"
}

# sample_value NAME LABELS: the value of that sample in the Prometheus text on stdin.
sample_value() {
  awk -v name="$1" -v labels="$2" '$1 ~ "^" name "({|$)" && index($1, labels) { print $2; exit }'
}

# expect_at_least WHAT ACTUAL MINIMUM: numeric ACTUAL >= MINIMUM.
expect_at_least() {
  local what=$1 actual=$2 minimum=$3
  if [[ -n "$actual" ]] && awk -v a="$actual" -v m="$minimum" 'BEGIN { exit !(a >= m) }'; then
    pass "$what: $actual >= $minimum"
  else
    fail "$what: at least $minimum" "got: ${actual:-nothing}"
  fi
}

# eventually_metric WHAT SECONDS URL NAME LABELS MINIMUM: the sample reaches MINIMUM within
# SECONDS (counters are updated just after the action they count).
eventually_metric() {
  local what=$1 seconds=$2 url=$3 name=$4 labels=$5 minimum=$6 value start=$SECONDS
  while true; do
    value=$(metric_value "$url" "$name" "$labels")
    if [[ -n "$value" ]] && awk -v a="$value" -v m="$minimum" 'BEGIN { exit !(a >= m) }'; then
      pass "$what: $value >= $minimum"
      return
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what: at least $minimum within ${seconds}s" "got: ${value:-nothing}"
      return
    fi
    sleep 0.5
  done
}

# eventually_no_metric WHAT SECONDS URL NAME LABELS: a scrape that answers no longer holds the
# sample within SECONDS (the series of a deleted policy).
eventually_no_metric() {
  local what=$1 seconds=$2 url=$3 name=$4 labels=$5 scrape value start=$SECONDS
  while true; do
    value="(no scrape)"
    if scrape=$(curl -fsS "$url"); then
      value=$(sample_value "$name" "$labels" <<<"$scrape")
      if [[ -z "$value" ]]; then
        pass "$what"
        return
      fi
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what within ${seconds}s" "still: $value"
      return
    fi
    sleep 0.5
  done
}

# eventually_denied WHAT SECONDS EXPECTED_TEXT: applies the manifest on stdin until the API
# server refuses it with EXPECTED_TEXT, for up to SECONDS: a policy just created reaches the
# webhook's cache a moment later.
eventually_denied() {
  local what=$1 seconds=$2 expected=$3 manifest output start=$SECONDS
  manifest=$(cat)
  while true; do
    if ! output=$(k apply -f - <<<"$manifest" 2>&1) && [[ "$output" == *"$expected"* ]]; then
      pass "$what is denied: ${expected:0:80}"
      return
    fi
    if ((SECONDS - start >= seconds)); then
      fail "$what is denied with \"$expected\" within ${seconds}s" "got: $output"
      return
    fi
    sleep 0.5
  done
}
