# Shell functions shared by the hack/ scripts: free ports and the processes they start.
# Sourced, not run. The sourcing script sets `state` (the directory for *.pid, *.exe and *.log
# files) and defines on_start_failure, called before a failed start exits.

# Prints N distinct TCP ports that are free on 127.0.0.1. They are held open together while
# chosen, so no two are equal; another program could still take one before etcd or the API
# server binds it, which start then reports as a process that exited.
free_ports() {
  python3 - "$1" <<'EOF'
import socket, sys
sockets = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
EOF
}

launch() {
  local name=$1
  shift
  # A session of its own: a Ctrl-C in the terminal that ran `start` does not reach the cluster,
  # which outlives this script until `stop`.
  setsid "$@" >"$state/$name.log" 2>&1 </dev/null &
  echo "$!" >"$state/$name.pid"
  basename "$1" >"$state/$name.exe"

  # Until the background shell has exec'd the binary, the PID still runs bash or setsid.
  local i
  for ((i = 0; i < 20; i++)); do
    running_pid "$name" >/dev/null && return
    sleep 0.1
  done
  fail_start "$name" "did not start"
}

# wait_for NAME SECONDS PROBE...: runs PROBE until it succeeds; gives up when NAME exits or the
# time is over.
wait_for() {
  local name=$1 timeout=$2
  local deadline=$((SECONDS + timeout))
  shift 2
  until "$@" 2>/dev/null; do
    running_pid "$name" >/dev/null || fail_start "$name" "exited"
    ((SECONDS < deadline)) || fail_start "$name" "not ready after ${timeout}s"
    sleep 0.25
  done
}

fail_start() {
  local name=$1 reason=$2
  echo "$name $reason; last lines of $state/$name.log:" >&2
  tail -n 30 "$state/$name.log" >&2 || true
  on_start_failure
  exit 1
}

# Prints the PID recorded for NAME if that process still runs the executable launch() started;
# fails otherwise. The executable is checked because a PID left over from an earlier boot may
# belong to another program by now.
running_pid() {
  local name=$1 pid executable expected=$1
  [[ -f "$state/$name.pid" ]] || return 1
  pid=$(<"$state/$name.pid")
  [[ -f "$state/$name.exe" ]] && expected=$(<"$state/$name.exe")
  # A zombie or a vanished process has an empty or unreadable command line.
  IFS= read -r -d '' executable 2>/dev/null <"/proc/$pid/cmdline" || return 1
  [[ "${executable##*/}" == "$expected" ]] || return 1
  echo "$pid"
}

# Stops NAME by its recorded PID: TERM, up to 10 s for a clean shutdown, then KILL. The API
# server needs about a second when etcd is up, but did not finish in 20 s once etcd was gone.
stop_process() {
  local name=$1 pid i
  if pid=$(running_pid "$name"); then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
      running_pid "$name" >/dev/null || break
      sleep 0.25
    done
    if running_pid "$name" >/dev/null; then
      echo "$name (pid $pid) ignored TERM for 10s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 20; i++)); do
        running_pid "$name" >/dev/null || break
        sleep 0.25
      done
    fi
  fi
  rm -f "$state/$name.pid" "$state/$name.exe"
}

