#!/usr/bin/env bash
# Builds the reference Kubernetes control plane (etcd, kube-apiserver) and kubectl from the Go
# module proxy at one pinned release, and caches the binaries per version outside the checkout.
#
# Prints the directory that holds the binaries. When KUBEBUILDER_ASSETS is set and holds all
# three binaries, nothing is built and that directory is printed instead, as envtest does.
#
# Why a wrapper module: k8s.io/kubernetes points its k8s.io/* staging modules at folders inside its
# own tree (replace => ./staging/...), which `go install pkg@version` refuses. A throwaway module
# that requires k8s.io/kubernetes and replaces each staging module with its published v0.X.Y
# release builds the same code.
set -euo pipefail

# shellcheck source=hack/versions.sh
source "$(dirname "$0")/versions.sh"

# Go is installed outside the distribution (see hack/install-deps.sh); shells started by make or
# CI do not always have it on PATH.
PATH="$PATH:/usr/local/go/bin"

if [[ -n "${KUBEBUILDER_ASSETS:-}" ]]; then
  if [[ -x "$KUBEBUILDER_ASSETS/etcd" && -x "$KUBEBUILDER_ASSETS/kube-apiserver" \
        && -x "$KUBEBUILDER_ASSETS/kubectl" ]]; then
    echo "$KUBEBUILDER_ASSETS"
    exit 0
  fi
  echo "KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS lacks etcd, kube-apiserver or kubectl;" \
       "building into the cache instead" >&2
fi

bin_dir="$CCSPM_CACHE/k8s-$KUBERNETES_VERSION/bin"
if [[ -x "$bin_dir/etcd" && -x "$bin_dir/kube-apiserver" && -x "$bin_dir/kubectl" ]]; then
  echo "$bin_dir"
  exit 0
fi

if ! command -v go >/dev/null; then
  echo "go not found on PATH or in /usr/local/go/bin; it is needed to build the control plane" >&2
  exit 1
fi

work="$CCSPM_CACHE/k8s-$KUBERNETES_VERSION/module"
mkdir -p "$work" "$bin_dir"
staging_version="v0.${KUBERNETES_VERSION#v1.}"

cd "$work"
rm -f go.mod go.sum
go mod init ccspm.local/control-plane-build >/dev/null 2>&1
go mod edit -go="$GO_LANGUAGE_VERSION"
go mod edit -require="k8s.io/kubernetes@$KUBERNETES_VERSION"

# Every staging module k8s.io/kubernetes requires as v0.0.0 gets its published release.
kube_mod=$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" |
           sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
while read -r module; do
  go mod edit -replace="$module=$module@$staging_version"
done < <(awk '/^\tk8s.io\/[a-z-]+ v0.0.0$/ {print $1}' "$kube_mod")

echo "building kube-apiserver, kubectl and etcd $KUBERNETES_VERSION (first time: ~15-25 min)" >&2
go get "k8s.io/kubernetes/cmd/kube-apiserver@$KUBERNETES_VERSION" \
       "k8s.io/kubernetes/cmd/kubectl@$KUBERNETES_VERSION" >&2
go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >&2

# -trimpath and no DWARF keep the cached binaries small and reproducible. The -X values stamp the
# release into /version and `kubectl version`, which a plain module build leaves at v0.0.0 and
# which clients use to pick API behaviour and to warn about version skew.
minor="${KUBERNETES_VERSION#v1.}"
minor="${minor%%.*}"
ldflags="-s -w"
for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $package.gitVersion=$KUBERNETES_VERSION -X $package.gitMajor=1"
  ldflags+=" -X $package.gitMinor=$minor -X $package.gitTreeState=clean"
done
flags=(-trimpath -ldflags "$ldflags")
go build "${flags[@]}" -o "$bin_dir/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver
go build "${flags[@]}" -o "$bin_dir/kubectl.tmp" k8s.io/kubernetes/cmd/kubectl
go build "${flags[@]}" -o "$bin_dir/etcd.tmp" go.etcd.io/etcd/server/v3

# Renamed only once all three built, so an interrupted build never looks complete.
for binary in kube-apiserver kubectl etcd; do
  mv "$bin_dir/$binary.tmp" "$bin_dir/$binary"
done
echo "$bin_dir"
