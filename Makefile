# The two commands a user types: `make scenarios` (the catalog) and `make check` (the tests).
# Both install what is missing (netem/setup.sh) and build first.
BUILD ?= build
JOBS ?= $(shell nproc)
RDPREPRO = $(BUILD)/rdprepro

.PHONY: all setup build scenarios check bench clean

all: build

setup:
	@./netem/setup.sh

build: setup
	@cmake -S . -B $(BUILD) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

scenarios: build
	$(RDPREPRO) run --results $(BUILD)/results scenarios/

check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Benchmarks (numbers, not pass/fail timing tests): the impairment engine's fidelity.
bench: build
	bench/fidelity.sh $(RDPREPRO)

clean:
	rm -rf $(BUILD)
