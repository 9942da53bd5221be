# The two commands a user types: `make scenarios` (the catalog) and `make check` (the tests).
# Both install what is missing (netem/setup.sh) and build first.
BUILD ?= build
JOBS ?= $(shell nproc)
RDPREPRO = $(BUILD)/rdprepro

FUZZ_SECONDS ?= 600
# make variants: N draws per cause from each cause's envelope, with SEED (default: today's).
N ?= 10
SEED ?= $(shell date +%Y%m%d)
# Where `make scenarios` writes its result folders, junit.xml and results.tap. A second run
# given a directory in use writes beside it (DIR-PID) and says so.
RESULTS ?= $(BUILD)/results

.PHONY: all setup build scenarios check check-asan check-netem fuzz bench variants clean

all: build

setup:
	@flock netem/setup.sh ./netem/setup.sh

build: setup
	@mkdir -p $(BUILD)
	@flock $(BUILD) sh -c 'cmake -S . -B $(BUILD) >/dev/null && cmake --build $(BUILD) -j $(JOBS)'

# VM=1: the whole catalog inside a qemu guest (rdprepro run --vm); VM=0: never in one (--no-vm).
# Unset: in a guest only where no network namespace can be had here (docs/ci-unprivileged.md).
VM ?=
VM_FLAG = $(if $(filter 1 yes,$(VM)),--vm,$(if $(filter 0 no,$(VM)),--no-vm))

scenarios: build
	$(RDPREPRO) run $(VM_FLAG) --results $(RESULTS) scenarios/

check: build
	tests/check.sh $(BUILD) $(JOBS)

# The unit tests, the fuzz corpus and a few scenarios under AddressSanitizer and UBSan (own tree).
check-asan: setup
	@cmake -S . -B $(BUILD)-asan -DRDPREPRO_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS) -L 'unit|asan'

# Each libFuzzer target for FUZZ_SECONDS (both at once), from the seed corpus in tests/.
fuzz:
	@./netem/setup.sh fuzz
	@cmake -S . -B $(BUILD)-fuzz -DCMAKE_C_COMPILER=clang -DRDPREPRO_FUZZ=ON >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzz_scenario fuzz_fieldlog fuzz_sweepjson \
		fuzz_resultjson
	tests/fuzz/run.sh $(BUILD)-fuzz $(FUZZ_SECONDS)

# The netem backend on a kernel that has sch_netem (Debian's, in a qemu guest: netem/vm),
# against the userspace engine here: fidelity and verdicts side by side.
# Where no guest can run (no qemu, no kernel to fetch), it prints [SKIP] with the reason and
# exits 0: a skip, not a pass.
# tests/vm_cache.sh first: the guest's cache from empty, after a failed step and half-made.
check-netem: build
	@./netem/setup.sh netem
	@tests/vm_cache.sh .; rc=$$?; [ $$rc = 77 ] || exit $$rc
	@tests/check_netem.sh $(RDPREPRO) .; rc=$$?; [ $$rc = 77 ] || exit $$rc

# Scenarios the catalog does not hold: N per cause drawn from each cause's envelope with SEED,
# their confusion matrix and every verdict that was not acceptable; fails on a wrong cause
# named. The draws and results stay in $(BUILD)/variants.
variants: build
	tests/variants.sh $(RDPREPRO) $(N) $(SEED) $(BUILD)/variants

# Benchmarks (numbers, not pass/fail timing tests): the catalog's speed, then the impairment
# engine's fidelity.
bench: build
	bench/speed.sh $(RDPREPRO) .
	bench/fidelity.sh $(RDPREPRO)
	bench/classify.sh $(RDPREPRO) .

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
