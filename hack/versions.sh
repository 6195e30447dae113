# Pinned versions of the tools the tests build from the Go module proxy. Sourced, not run.
# shellcheck shell=bash disable=SC2034  # the scripts that source this file use the values
KUBERNETES_VERSION=v1.37.2
ETCD_VERSION=v3.7.0
HELM_VERSION=v3.19.0
GO_LANGUAGE_VERSION=1.26.0

# Build caches live outside the checkout so reruns and CI on the same machine reuse them.
CCSPM_CACHE=${CCSPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ccspm}
