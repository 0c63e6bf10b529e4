# The two commands of the README, over CMake:
#   make run    set up, build, and run galley on the bundled sample issue
#   make test   set up, build, and run the whole test suite
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE ?= samples/ppp-2008-06-13

.PHONY: run test setup setup-test build clean

run: setup build
	./$(BUILD)/galley build $(SAMPLE) -o out

test: setup-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

setup:
	./.ci/setup

setup-test:
	./.ci/setup --test

clean:
	rm -rf $(BUILD)
