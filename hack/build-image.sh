#!/usr/bin/env bash
# Builds the ccspm container image from the Dockerfile with buildah (no Docker engine needed).
#
#   hack/build-image.sh [IMAGE]     default IMAGE: localhost/ccspm:<version of CMakeLists.txt>
#
# CCSPM_BASE_IMAGE replaces the Debian bookworm base of both stages (a mirror of
# debian:bookworm-slim, or a local image). BUILDAH_ISOLATION picks how RUN steps are isolated:
# chroot by default, because the OCI runtime cannot create containers on hosts whose cgroups
# are in hybrid v1/v2 mode (crun: "cgroups in hybrid mode not supported"); set it to oci where
# the runtime works. Prints the image name once built.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^project(ccspm VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
image=${1:-localhost/ccspm:$version}
base=${CCSPM_BASE_IMAGE:-debian:bookworm-slim}
isolation=${BUILDAH_ISOLATION:-chroot}

if ! command -v buildah >/dev/null; then
  echo "buildah not found; install the Debian package buildah" >&2
  exit 1
fi

# The base image comes from a container registry, once: a base already in local storage is used
# as it is (`buildah pull` refreshes it). Pulled first on its own so that a machine which
# cannot reach a registry fails here with one clear line, not halfway through a build.
if ! buildah inspect --type image "$base" >/dev/null 2>&1; then
  if ! pull_error=$(buildah pull --quiet "$base" 2>&1 >/dev/null); then
    echo "cannot pull the base image $base: ${pull_error##*$'\n'}" >&2
    echo "the base image comes from a container registry this machine must reach; or set" \
         "CCSPM_BASE_IMAGE to a reachable mirror of debian:bookworm-slim or to a local image" \
         "(docs/install.md shows how to make one from Debian's packages)" >&2
    exit 1
  fi
fi

echo "building $image from $base (isolation $isolation)" >&2
buildah bud --isolation "$isolation" --layers --pull=never \
  --build-arg "DEBIAN_IMAGE=$base" \
  --file "$root/Dockerfile" --tag "$image" "$root" >&2
echo "$image"
