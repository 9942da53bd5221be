#!/bin/bash
# speed.sh: how fast the catalog runs on this machine, as numbers (a benchmark, not a timed
# test: it prints, and exits non-zero only when a run itself fails):
#   1. the catalog's wall at the default jobs (auto) against its longest scenario;
#   2. the per-scenario overhead against the bare connection: baseline 10 times, one at a time,
#      wall minus what the probe itself measured (connection and hold), and where it goes
#      (result.json's steps_ms); and over the whole catalog, the harness's share of each run
#      (wall minus the client's time);
#   3. every stall a watchdog or a bound ended, against its deadline: the probe's deadline
#      watchdog, the TCP connect timeout, the recheck's 2 s waits. Late by more than 0.3 s is
#      marked [SLOW].
#
# Usage: bench/speed.sh [RDPREPRO] [SOURCE_DIR]   (root: the labs)
set -euo pipefail
RDPREPRO=$(readlink -f "${1:-build/rdprepro}")
SRC=$(cd "${2:-.}" && pwd)
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] speed: needs root (network namespaces)"
	exit 77
fi
OUT=$(mktemp -d /tmp/rdprepro-speed.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

# jget FILE KEY: the first scalar value of "KEY" in a pretty-printed JSON file (json-c writes
# one key per line), without quotes.
jget() {
	sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",{[]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1" | head -n 1
}
# rget FILE KEY: the same within the evidence's "recheck" object (its keys tcp, x224, tls are
# also the names of the attempts' phases).
rget() {
	sed -n '/^ *"recheck": *{/,/^ *}/p' "$1" | sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",{[]*\)\"\{0,1\},\{0,1\}$/\1/p" | head -n 1
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "== 1. the catalog at the default jobs"
"$RDPREPRO" run --results "$OUT/cat" "$SRC/scenarios/" >"$OUT/cat.txt" 2>&1 || true
summary=$(tail -n 1 "$OUT/cat.txt")
echo "   $summary"
wall=$(sed -n 's/.*errors (\([0-9.]*\) s, .*/\1/p' <<<"$summary")
longest=0 name=-
for f in "$OUT"/cat/*/result.json; do
	w=$(jget "$f" wall_ms)
	if awk -v a="$w" -v b="$longest" 'BEGIN { exit !(a > b) }'; then longest=$w name=$(basename "$(dirname "$f")"); fi
done
awk -v w="$wall" -v l="$longest" -v n="$name" 'BEGIN {
	printf "   catalog %.1f s; its longest scenario %s %.1f s: %.2fx (bound 1.5x)\n", w, n, l / 1000, w * 1000 / l }'
grep -q ' 0 failed, .* 0 errors' <<<"$summary" || { echo "[FAIL] the catalog did not pass"; grep -E '^\[(FAIL|ERR )\]' "$OUT/cat.txt"; exit 1; }

echo "== 2. per-scenario overhead against the bare connection"
"$RDPREPRO" run --jobs 1 --repeat 10 --results "$OUT/base" "$SRC/scenarios/baseline.scn" >"$OUT/base.txt" 2>&1 ||
	{ echo "[FAIL] baseline"; cat "$OUT/base.txt"; exit 1; }
for f in "$OUT"/base/baseline/run-*/result.json; do
	awk -v w="$(jget "$f" wall_ms)" -v t="$(jget "$f" t_total_ms)" 'BEGIN { printf "%.1f %.1f %.1f\n", w, t, w - t }'
done >"$OUT/base.tsv"
awk '{ print $1 }' "$OUT/base.tsv" | median >"$OUT/m.wall"
awk '{ print $2 }' "$OUT/base.tsv" | median >"$OUT/m.bare"
awk '{ print $3 }' "$OUT/base.tsv" | median >"$OUT/m.over"
printf '   baseline x10: wall %s ms median, bare connection (the probe: connect + 500 ms hold) %s ms, overhead %s ms (bound 150 ms; min %s, max %s)\n' \
	"$(cat "$OUT/m.wall")" "$(cat "$OUT/m.bare")" "$(cat "$OUT/m.over")" \
	"$(awk '{ print $3 }' "$OUT/base.tsv" | sort -n | head -n 1)" "$(awk '{ print $3 }' "$OUT/base.tsv" | sort -n | tail -n 1)"
printf '   where it goes (median ms):'
for step in lab secrets faults peer client verdict teardown; do
	v=$(for f in "$OUT"/base/baseline/run-*/result.json; do jget "$f" "$step"; done | median)
	printf ' %s %.1f' "$step" "$v"
done
printf '\n'
for f in "$OUT"/cat/*/result.json; do
	awk -v w="$(jget "$f" wall_ms)" -v c="$(jget "$f" client)" 'BEGIN { if (c > 0) printf "%.1f\n", w - c }'
done | median >"$OUT/m.cat"
echo "   catalog: the harness's share of a run (wall minus the client's time), median $(cat "$OUT/m.cat") ms"

echo "== 3. stalls ended by a watchdog or a bound, against their deadline"
printf '   %-28s %-30s %10s %10s %9s\n' scenario stall deadline ended "late by"
late=0
row() { # SCENARIO WHAT DEADLINE_MS ENDED_MS
	local tag
	tag=$(awk -v d="$3" -v e="$4" 'BEGIN { print (e - d > 300 ? "[SLOW]" : "") }')
	[ -z "$tag" ] || late=$((late + 1))
	awk -v s="$1" -v w="$2" -v d="$3" -v e="$4" -v t="$tag" \
		'BEGIN { printf "   %-28s %-30s %8.0f ms %8.1f ms %+7.1f ms %s\n", s, w, d, e, e - d, t }'
}
for f in "$OUT"/cat/*/result.json; do
	s=$(basename "$(dirname "$f")")
	scn="$SRC/scenarios/$s.scn"
	[ "$(jget "$f" watchdog_fired)" = true ] && row "$s" "probe deadline (watchdog)" "$(jget "$f" deadline_ms)" "$(jget "$f" t_total_ms)"
	ct=$(sed -n 's/^connect-timeout *= *\([0-9]*\)s$/\1/p' "$scn")
	if [ -n "$ct" ] && [ "$(jget "$f" last_error_name)" = ERRCONNECT_CONNECT_FAILED ]; then
		row "$s" "TCP connect timeout" "$((ct * 1000))" "$(jget "$f" t_total_ms)"
	fi
	# The recheck's waits are 2 s each; its X.224 wait follows 300 ms of listening first.
	[ "$(rget "$f" tcp)" = no-answer ] && row "$s" "recheck: SYN unanswered" 2000 "$(rget "$f" tcp_ms)"
	[ "$(rget "$f" x224)" = silent ] && row "$s" "recheck: X.224 silent" 2300 "$(rget "$f" x224_ms)"
	[ "$(rget "$f" tls)" = silent ] && row "$s" "recheck: TLS silent" 2000 "$(rget "$f" tls_ms)"
	[ "$(rget "$f" tls_small_mss)" = silent ] && row "$s" "recheck: TLS silent, 536 B" 2000 "$(rget "$f" tls_small_mss_ms)"
done
echo "   $late stall(s) ended more than 0.3 s after their deadline"
