# The ccspm image: one binary that runs as `ccspm webhook` or `ccspm controller`, as user 65532
# on a read-only root filesystem. Built by hack/build-image.sh (buildah); any OCI builder works.
#
# Both stages start from the same Debian release as the development machines, so the runtime
# stage installs exactly the shared libraries the build stage linked against.
ARG DEBIAN_IMAGE=debian:bookworm-slim

FROM ${DEBIAN_IMAGE} AS build
# The build part of hack/install-deps.sh: compiler, build system and the -dev packages.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config \
      libcpp-httplib-dev libssl-dev libyaml-cpp-dev libyaml-dev rapidjson-dev prometheus-cpp-dev \
      libre2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Only what the binary is built from (see .dockerignore), so editing tests or docs does not
# invalidate this layer.
COPY CMakeLists.txt ./
COPY base base
COPY engine engine
COPY kube kube
COPY manifest manifest
COPY serving serving
COPY webhook webhook
COPY controller controller
COPY cli cli
# The policy library is embedded into the binary at build time.
COPY policies/library policies/library
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCSPM_BUILD_TESTS=OFF \
 && cmake --build /build --target ccspm \
 && strip /build/ccspm

FROM ${DEBIAN_IMAGE}
# The shared libraries of the binary; libstdc++, zlib and brotli come as their dependencies.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libssl3 libyaml-cpp0.7 libyaml-0-2 libre2-9 libprometheus-cpp-core1.0 libcpp-httplib0.11 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/ccspm /usr/local/bin/ccspm
# Fails the build when a library the binary needs is missing from this stage.
RUN if ldd /usr/local/bin/ccspm | grep 'not found'; then exit 1; fi \
 && /usr/local/bin/ccspm webhook --help >/dev/null
# Numeric, so Kubernetes can check runAsNonRoot without a passwd entry.
USER 65532:65532
# Webhook HTTPS, webhook metrics, controller metrics.
EXPOSE 9443 8080 8081
ENTRYPOINT ["/usr/local/bin/ccspm"]
