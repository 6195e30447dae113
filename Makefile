# ccspm: the two commands a newcomer needs are `make run` and `make test`; both install what is
# missing first. Build caches live outside the checkout (~/.cache/ccspm) or in build/ (ignored).

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
# Warnings are errors in CI (CI=true), and locally when asked with WERROR=ON.
WERROR ?= $(if $(filter true,$(CI)),ON,OFF)
JOBS ?= $(shell nproc)

.PHONY: all deps build unit e2e fuzz test run bench clean

all: build

deps:
	bash hack/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCCSPM_WERROR=$(WERROR)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Unit and conformance tests (GoogleTest and runners, through ctest).
unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	@# The conformance runners' own counts, which ctest keeps in its log.
	@awk '/^[0-9]+\/[0-9]+ Testing: / { test = $$3 } \
	  test ~ /conformance|policy_library/ && /[0-9]+ passed, [0-9]+ failed/ { print test ": " $$0 }' \
	  $(BUILD_DIR)/Testing/Temporary/LastTest.log

# End to end on a real kube-apiserver + etcd (built once into ~/.cache/ccspm), with kubectl.
e2e: build
	bash test/e2e/run.sh

# libFuzzer with ASan and UBSan on the CEL parser and evaluator, for a bounded time.
FUZZ_SECONDS ?= 30
fuzz: deps
	cmake -S . -B $(BUILD_DIR)-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DCCSPM_BUILD_FUZZ=ON -DCCSPM_BUILD_TESTS=OFF
	cmake --build $(BUILD_DIR)-fuzz -j $(JOBS) --target cel_fuzz
	mkdir -p $(BUILD_DIR)-fuzz/corpus/cel
	$(BUILD_DIR)-fuzz/fuzz/cel_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -print_final_stats=1 $(BUILD_DIR)-fuzz/corpus/cel fuzz/corpus/cel

test: unit fuzz e2e

# Starts everything, shows the main job with kubectl, then waits for Ctrl-C.
# CCSPM_DEMO_EXIT=1 exits after the demonstration instead (for scripted use).
run: build
	bash hack/demo.sh

bench: deps
	cmake -S . -B $(BUILD_DIR)-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCCSPM_BUILD_BENCH=ON \
	  -DCCSPM_BUILD_TESTS=OFF
	cmake --build $(BUILD_DIR)-bench -j $(JOBS)
	bash bench/run.sh $(BUILD_DIR)-bench

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-bench $(BUILD_DIR)-fuzz
