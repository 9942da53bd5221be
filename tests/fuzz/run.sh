#!/bin/bash
# run.sh BUILD_DIR SECONDS: each libFuzzer target for SECONDS, all at once, each from its
# seed corpus (copied: the repository's seeds are never rewritten). Prints executions and
# findings; exit 1 if a target found a crash (saved as BUILD_DIR/fuzz-out/crash-*).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS}
secs=${2:?usage: run.sh BUILD_DIR SECONDS}
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz-out
mkdir -p "$out"

declare -A seeds=(
	[scenario]="$src/tests/fuzz/seeds-scenario $src/tests/bad-scenarios $src/scenarios"
	[fieldlog]="$src/tests/fuzz/seeds-fieldlog $src/tests/field-logs"
	[sweepjson]="$src/tests/fuzz/seeds-sweepjson"
	[resultjson]="$src/tests/fuzz/seeds-resultjson"
)
targets="scenario fieldlog sweepjson resultjson"
pids=()
for t in $targets; do
	corpus=$out/corpus-$t
	mkdir -p "$corpus"
	# shellcheck disable=SC2086 # the seed list is a list of directories
	for d in ${seeds[$t]}; do find "$d" -maxdepth 1 -type f -exec cp -t "$corpus" {} +; done
	"$build/fuzz_$t" -max_total_time="$secs" -print_final_stats=1 -max_len=65536 \
		-artifact_prefix="$out/crash-$t-" "$corpus" >"$out/$t.log" 2>&1 &
	pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for t in $targets; do
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log")
	crashes=$(find "$out" -maxdepth 1 -name "crash-$t-*" | wc -l)
	printf 'fuzz_%s: %s executions in %s s, corpus %s inputs, %s crash(es)\n' "$t" \
		"${execs:-?}" "$secs" "$(find "$out/corpus-$t" -type f | wc -l)" "$crashes"
done
exit $status
