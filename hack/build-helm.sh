#!/usr/bin/env bash
# Builds Helm v3 from the Go module proxy at the release pinned in hack/versions.sh and caches
# it per version outside the checkout. Prints the path of the helm binary.
#
#   hack/build-helm.sh
#
# When HELM is set to an executable, nothing is built and that path is printed instead.
#
# `go install pkg@version` works here without a wrapper module because helm.sh/helm/v3 has no
# replace directives in its go.mod (unlike k8s.io/kubernetes, see build-control-plane.sh).
set -euo pipefail

# shellcheck source=hack/versions.sh
source "$(dirname "$0")/versions.sh"

# Go is installed outside the distribution (see hack/install-deps.sh).
PATH="$PATH:/usr/local/go/bin"

if [[ -n "${HELM:-}" ]]; then
  if [[ -x "$HELM" ]]; then
    echo "$HELM"
    exit 0
  fi
  echo "HELM=$HELM is not executable; building into the cache instead" >&2
fi

bin_dir="$CCSPM_CACHE/helm-$HELM_VERSION/bin"
if [[ -x "$bin_dir/helm" ]]; then
  echo "$bin_dir/helm"
  exit 0
fi

if ! command -v go >/dev/null; then
  echo "go not found on PATH or in /usr/local/go/bin; it is needed to build helm" >&2
  exit 1
fi

# Helm's own release build stamps its version and the Kubernetes version it reports as
# .Capabilities.KubeVersion to `helm template` and `helm lint`; a plain module build would say
# "v3.19" and v1.20, older than the API versions the chart uses. The Kubernetes minor comes
# from the client-go release this Helm release was built against, as Helm's Makefile does.
helm_mod=$(go mod download -json "helm.sh/helm/v3@$HELM_VERSION" |
           sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
client_go=$(awk '$1 == "k8s.io/client-go" {print $2; exit}' "$helm_mod")
k8s_minor=${client_go#v0.}
k8s_minor=${k8s_minor%%.*}
if [[ ! "$k8s_minor" =~ ^[0-9]+$ ]]; then
  echo "cannot read the k8s.io/client-go version from $helm_mod (got \"$client_go\")" >&2
  exit 1
fi

ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
ldflags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
for package in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  ldflags+=" -X $package.k8sVersionMajor=1 -X $package.k8sVersionMinor=$k8s_minor"
done

# Built into a scratch GOBIN and moved only once complete, so an interrupted build never looks
# cached.
scratch="$CCSPM_CACHE/helm-$HELM_VERSION/scratch"
rm -rf "$scratch"
mkdir -p "$scratch" "$bin_dir"
echo "building helm $HELM_VERSION (first time: a few minutes)" >&2
CGO_ENABLED=0 GOBIN="$scratch" go install -trimpath -ldflags "$ldflags" \
  "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
mv "$scratch/helm" "$bin_dir/helm"
rm -rf "$scratch"
echo "$bin_dir/helm"
