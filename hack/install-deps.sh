#!/usr/bin/env bash
# Installs the Debian packages ccspm needs to build and test, and checks that Go is there.
#
# Safe to run on every CI start: when every package is already installed it only asks dpkg and
# returns in well under a second, and the package index is refreshed only when something is
# missing (a fresh machine may hold no index at all, so installing without it would fail).
set -euo pipefail

packages=(
  # Compiler, build system.
  build-essential cmake ninja-build pkg-config
  # Libraries the C++ code links against (HTTP/TLS, YAML, JSON, metrics, regular expressions):
  # libyaml reads manifests, yaml-cpp writes fixed ones and reads kubeconfig files.
  libcpp-httplib-dev libssl-dev libyaml-dev libyaml-cpp-dev rapidjson-dev prometheus-cpp-dev
  libre2-dev
  # Test and benchmark frameworks; clang with its sanitizer and libFuzzer runtimes for fuzzing.
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  # Tools the hack/ scripts call: certificates, free ports, readiness probes, module builds.
  openssl python3 curl ca-certificates git
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}" >&2
  sudo=()
  if ((EUID != 0)); then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Go builds etcd, kube-apiserver and kubectl (hack/build-control-plane.sh). It is not a Debian
# package here because the pinned Kubernetes release needs a newer Go than the distribution has.
PATH="$PATH:/usr/local/go/bin"
if ! command -v go >/dev/null; then
  echo "go not found on PATH or in /usr/local/go/bin; install Go to build the control plane" >&2
  exit 1
fi

# Tests check output with independent Python implementations: /metrics with the official
# Prometheus client's parser, SARIF reports against the SARIF 2.1.0 JSON schema.
for module in prometheus_client:prometheus-client jsonschema:jsonschema; do
  if ! python3 -c "import ${module%%:*}" 2>/dev/null; then
    echo "installing: ${module#*:} (Python)" >&2
    python3 -m pip install --quiet --disable-pip-version-check "${module#*:}" \
      || python3 -m pip install --quiet --break-system-packages "${module#*:}"
  fi
done
