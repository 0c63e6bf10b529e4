# The two commands of the README, over CMake:
#   make run    set up, build, and run galley on the bundled sample issue
#   make test   set up, build, and run the whole test suite; then the same
#               suite built with AddressSanitizer and UBSan (build-asan/),
#               and a minute of fuzzing (build-fuzz/, clang + libFuzzer)
# The parts of `make test`, in order (.ci/run times each):
#   make setup-test build test-suite test-sanitized test-fuzz
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE ?= samples/ppp-2008-06-13
FUZZ_SECONDS ?= 60

.PHONY: run test test-suite test-sanitized test-fuzz setup setup-test build clean

run: setup build
	./$(BUILD)/galley build $(SAMPLE) -o out

test: setup-test build test-suite test-sanitized test-fuzz

test-suite: build
	cd $(BUILD) && ctest --output-on-failure --no-tests=error -j $(JOBS)

test-sanitized: setup-test
	JOBS=$(JOBS) ./.ci/test-sanitized

test-fuzz: setup-test
	GALLEY_FUZZ_BUILD=$(CURDIR)/build-fuzz tests/fuzz/run.sh $(FUZZ_SECONDS)

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

setup:
	./.ci/setup

setup-test:
	./.ci/setup --test

clean:
	rm -rf $(BUILD) build-asan build-fuzz
