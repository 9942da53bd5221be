#!/bin/bash
# valgrind.sh: memcheck over a parser or the classifier (the fuzz targets' plain drivers, fed
# their whole seed corpus: every scenario, every malformed scenario, every field report): no
# invalid read or write, no use of uninitialised memory, no leak.
#
# Usage: valgrind.sh BUILD_DIR SOURCE_DIR PART     (PART: scenario, fieldlog, sweepjson,
# resultjson; exit 77: valgrind missing, or unable to run a system library's code here)
#
# Valgrind runs a program on its own model of the CPU. Where that model and the CPU disagree,
# the program can die in a library's start-up before any of ours runs: valgrind 3.19's CPUID
# announces RDTSCP, which a CPU (or a VM that masks it, as Firecracker does) may lack, and then
# libhwy's constructor (libfreerdp3 -> libavcodec -> libjxl -> libhwy) executes an RDTSCP that
# valgrind cannot translate: SIGILL in hwy::platform::TimerResolution(). That is no finding
# about our code and no pass either: SKIP, with the frame. A SIGILL in our own code fails.
set -eu
BUILD=$1
SRC=$2
PART=$3
if ! command -v valgrind >/dev/null; then
	echo "[SKIP] valgrind: not installed (apt-get install valgrind)"
	exit 77
fi
case "$PART" in
scenario)
	name="scenario parser"
	set -- "$BUILD/fuzzrun_scenario" "$SRC/tests/fuzz/seeds-scenario" "$SRC/tests/bad-scenarios" \
		"$SRC/scenarios"
	;;
fieldlog)
	name="field-log parser and classifier"
	set -- "$BUILD/fuzzrun_fieldlog" "$SRC/tests/fuzz/seeds-fieldlog" "$SRC/tests/field-logs"
	;;
sweepjson)
	name="merge's sweep.json reader"
	set -- "$BUILD/fuzzrun_sweepjson" "$SRC/tests/fuzz/seeds-sweepjson"
	;;
resultjson)
	name="merge's result.json reader"
	set -- "$BUILD/fuzzrun_resultjson" "$SRC/tests/fuzz/seeds-resultjson"
	;;
*)
	echo "valgrind.sh: unknown part '$PART' (scenario, fieldlog, sweepjson, resultjson)" >&2
	exit 2
	;;
esac
log=$(mktemp /tmp/rdprepro-valgrind.XXXXXX)
trap 'rm -f "$log"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
if valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--track-origins=yes "$@" >"$log" 2>&1; then
	printf '[ OK ] %s: memcheck clean (%s)\n' "$name" "$(tail -n 1 "$log")"
	exit 0
fi
# The first frame under "Illegal opcode": in a system library (a path under /lib or /usr/lib),
# valgrind could not run that library; anywhere else, the program is at fault.
frame=$(grep -A1 "Illegal opcode at address" "$log" | sed -n 's/^==[0-9]*==  *at 0x[0-9A-Fa-f]*: //p' | head -1)
if grep -q "Process terminating with default action of signal 4 (SIGILL)" "$log" &&
	[[ "$frame" == *"(in /usr/lib/"* || "$frame" == *"(in /lib/"* ]]; then
	echo "[SKIP] $name: $(valgrind --version) cannot run a system library's code on this CPU" \
		"(SIGILL before our code, at $frame); memcheck is not possible here"
	exit 77
fi
printf '[FAIL] %s\n' "$name"
cat "$log"
exit 1
