#!/bin/bash
# valgrind.sh: memcheck over the parsers and the classifier (the fuzz targets' plain drivers,
# fed their whole seed corpus: every scenario, every malformed scenario, every field report):
# no invalid read or write, no use of uninitialised memory, no leak.
#
# Usage: valgrind.sh BUILD_DIR SOURCE_DIR     (exit 77: valgrind missing)
set -eu
BUILD=$1
SRC=$2
if ! command -v valgrind >/dev/null; then
	echo "[SKIP] valgrind: not installed (apt-get install valgrind)"
	exit 77
fi
fails=0
run() {
	local name=$1 log
	shift
	log=$(mktemp /tmp/rdprepro-valgrind.XXXXXX)
	if valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--track-origins=yes "$@" >"$log" 2>&1; then
		printf '[ OK ] %s: memcheck clean (%s)\n' "$name" "$(tail -n 1 "$log")"
	else
		printf '[FAIL] %s\n' "$name"
		cat "$log"
		fails=$((fails + 1))
	fi
	rm -f "$log"
}
run "scenario parser" "$BUILD/fuzzrun_scenario" "$SRC/tests/fuzz/seeds-scenario" \
	"$SRC/tests/bad-scenarios" "$SRC/scenarios"
run "field-log parser and classifier" "$BUILD/fuzzrun_fieldlog" "$SRC/tests/fuzz/seeds-fieldlog" \
	"$SRC/tests/field-logs"
run "merge's sweep.json reader" "$BUILD/fuzzrun_sweepjson" "$SRC/tests/fuzz/seeds-sweepjson"
run "merge's result.json reader" "$BUILD/fuzzrun_resultjson" "$SRC/tests/fuzz/seeds-resultjson"
[ "$fails" = 0 ]
