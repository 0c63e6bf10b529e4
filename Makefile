# The two commands of the README, over CMake:
#   make run    set up, build, and run galley on the bundled sample issue
#   make test   set up, build, and run the whole test suite
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE ?= samples/ppp-2008-06-13

.PHONY: run test setup build clean

run: build
	./$(BUILD)/galley check $(SAMPLE)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

setup:
	./.ci/setup

clean:
	rm -rf $(BUILD)
