#!/bin/bash
# sweep.sh: `rdprepro sweep` and `rdprepro merge` end to end, in real labs.
#  1. bad input: an unknown key, an empty range, a zero step, a missing scenario, a key set
#     twice: exit 2, and the message says what is wrong; nothing is written for them;
#  2. a small sweep (loss 0 % and 30 %, 3 runs a point): points.csv, runs.csv, sweep.json
#     with a row per point and per run, each run's own seed, valid SVG and a PNG, plot.gp
#     without the sweep's name (data: titles.dat);
#  3. the same sweep in two shards, merged: the shards' runs, the unsharded sweep's points and
#     runs (point and seed; the outcomes too at 0 %, where nothing is dropped);
#  4. run shards: a selection run whole and as 4 shards, each shard taken from another
#     engine's environment (RDPREPRO_SHARD, Slurm, a Kubernetes Indexed Job, GitLab), merged:
#     the same totals and the same test cases in junit.xml.
#
# JSON and XML are checked with jq and xmllint (the tests are Python-free: STYLE.md).
#
# Usage: sweep.sh RDPREPRO SCENARIOS_DIR          (exit 77: skipped, not root)
set -u

RDPREPRO=$1
SCN=$2
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] sweep: needs root (network namespaces)"
	exit 77
fi
WORK=$(mktemp -d /tmp/rdprepro-sweep.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fails=0
fail() { echo "[FAIL] sweep: $*"; fails=$((fails + 1)); }
ok() { echo "[ OK ] sweep: $*"; }

# 1. Bad input.
bad() {
	local says=$1
	shift
	local rc=0
	"$RDPREPRO" "$@" >"$WORK/bad.out" 2>&1 || rc=$?
	if [ "$rc" != 2 ]; then
		fail "$* exited $rc, not 2"
	elif ! grep -qF -- "$says" "$WORK/bad.out"; then
		fail "$*: the message does not say \"$says\": $(cat "$WORK/bad.out")"
	else
		ok "$* -> 2: $(head -1 "$WORK/bad.out")"
	fi
}
bad 'unknown key "los"' sweep "$SCN/baseline.scn" --vary los=0..10/5 --out "$WORK/bad1"
bad 'empty range' sweep "$SCN/baseline.scn" --vary loss=10..0/5 --out "$WORK/bad2"
bad 'step must be more than 0' sweep "$SCN/baseline.scn" --vary loss=0..10/0 --out "$WORK/bad3"
bad 'No such file' sweep "$WORK/none.scn" --vary loss=0..10/5 --out "$WORK/bad4"
bad 'both set' sweep "$SCN/baseline.scn" --vary loss=0..10/5 --set loss=3 --out "$WORK/bad5"
bad 'both set' sweep "$SCN/baseline.scn" --vary profile=remotefx-wan --vary delay=0,1s --out "$WORK/bad6"
bad 'pause-at' sweep "$SCN/baseline.scn" --vary pause=1s..2s/1s --out "$WORK/bad7"
bad 'nothing to vary' sweep "$SCN/baseline.scn" --out "$WORK/bad8"
bad 'not a directory' merge "$WORK/none" --out "$WORK/m"
for d in bad1 bad2 bad3 bad4 bad5 bad6 bad8; do
	[ ! -e "$WORK/$d" ] || fail "bad input left $WORK/$d"
done

# 2. A small sweep.
S="$WORK/sweep"
if ! "$RDPREPRO" sweep "$SCN/baseline.scn" --vary loss=0,30 -r 3 --seed 7 --out "$S" >"$WORK/sweep.log" 2>&1; then
	tail -20 "$WORK/sweep.log"
	fail "the sweep exited non-zero"
fi
[ "$(tail -n +2 "$S/points.csv" | wc -l)" = 2 ] || fail "points.csv: not 2 points: $(cat "$S/points.csv")"
[ "$(tail -n +2 "$S/runs.csv" | wc -l)" = 6 ] || fail "runs.csv: not 6 runs: $(cat "$S/runs.csv")"
# Each run its own seed (7, 8, 9 at each point): the engine draws other packets each time.
seeds=$(awk -F, 'NR > 1 && $1 ~ /^p001/ { print $4 }' "$S/runs.csv" | sort -n | tr '\n' ' ')
[ "$seeds" = "7 8 9 " ] || fail "the runs' seeds at point 1 are \"$seeds\", not 7 8 9"
grep -q '^loss = 30%$' "$S/points/p002-loss-30pct.scn" || fail "the point's scenario does not set loss = 30%"
# sweep.json: the grid, then a result per point whose runs add up and whose interval holds the
# rate.
jq -e '.record == "rdprepro-sweep/1" and ([.results[].loss] == ["0%", "30%"]) and
	all(.results[]; .runs + .skipped + .errors == 3 and (.runs == 0 or
		(0 <= .wilson95[0] and .wilson95[0] <= .failure_rate and
		 .failure_rate <= .wilson95[1] and .wilson95[1] <= 1)))' "$S/sweep.json" >/dev/null ||
	fail "sweep.json: not the sweep's results: $(cat "$S/sweep.json")"
if command -v gnuplot >/dev/null; then
	[ "$(xmllint --xpath 'local-name(/*)' "$S/failure-rate.svg" 2>/dev/null)" = svg ] ||
		fail "failure-rate.svg is not SVG"
	[ "$(head -c 8 "$S/failure-rate.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
		fail "failure-rate.png is not a PNG"
	# gnuplot's script is fixed text: the sweep's name is data (titles.dat), never code.
	if grep -q baseline "$S/plot.gp" || ! grep -q baseline "$S/titles.dat"; then
		fail "plot.gp holds the sweep's name, or titles.dat does not"
	fi
else
	echo "[SKIP] sweep: pictures: gnuplot is not installed"
fi
cp "$S/points.csv" "$WORK/points.before"
"$RDPREPRO" sweep --report --out "$S" >/dev/null 2>&1 || fail "sweep --report exited non-zero"
cmp -s "$S/points.csv" "$WORK/points.before" || fail "sweep --report gave another points.csv"
[ "$fails" = 0 ] && ok "a sweep of 2 points x 3 runs: $(grep -c . "$S/runs.csv") lines in runs.csv"

# 3. The same sweep in two shards, merged: the same grid and runs.
for i in 1 2; do
	"$RDPREPRO" sweep "$SCN/baseline.scn" --vary loss=0,30 -r 3 --seed 7 --shard $i/2 \
		--out "$WORK/shard$i" >"$WORK/shard$i.log" 2>&1 || fail "sweep shard $i/2 exited non-zero"
done
"$RDPREPRO" merge "$WORK/shard1" "$WORK/shard2" --out "$WORK/merged" >"$WORK/merge.log" 2>&1 ||
	fail "merge of the sweep's shards exited non-zero: $(tail -3 "$WORK/merge.log")"
# The merged runs are the shards' runs, no more, no less (point, seed, status, verdict).
rows() { tail -n +2 "$1" | cut -d, -f1,4,5,6; }
a=$( (rows "$WORK/shard1/runs.csv"; rows "$WORK/shard2/runs.csv") | sort)
b=$(rows "$WORK/merged/runs.csv" | sort)
if [ -z "$a" ] || [ "$a" != "$b" ]; then
	fail "the merged runs are not the shards' runs: $a / $b"
fi
# The same runs (point and seed) as the unsharded sweep. Their outcomes are not compared at
# 30 %: the engine draws the same numbers for the n-th packet, but which packet is the n-th
# follows TCP's timing, and near the knee a loaded machine turns a run (docs/sweeps.md).
a=$(tail -n +2 "$S/runs.csv" | cut -d, -f1,4 | sort)
b=$(tail -n +2 "$WORK/merged/runs.csv" | cut -d, -f1,4 | sort)
[ "$a" = "$b" ] || fail "the merged sweep's runs differ from the unsharded: $a / $b"
# At 0 % nothing is dropped: every run connects, sharded or not.
a=$(awk -F, '$1 ~ /^p001/ { print $1 "," $4 "," $5 "," $6 }' "$S/runs.csv" | sort)
b=$(awk -F, '$1 ~ /^p001/ { print $1 "," $4 "," $5 "," $6 }' "$WORK/merged/runs.csv" | sort)
[ "$a" = "$b" ] || fail "at 0 % loss the merged sweep's runs differ from the unsharded: $a / $b"
[ "$(cut -d, -f1,2,3 "$WORK/merged/points.csv")" = "$(cut -d, -f1,2,3 "$S/points.csv")" ] ||
	fail "the merged sweep's points differ"
rc=0
"$RDPREPRO" merge "$WORK/shard1" "$WORK/shard1" --out "$WORK/merged2" >"$WORK/merge2.log" 2>&1 || rc=$?
if [ "$rc" != 2 ] || ! grep -q overlap "$WORK/merge2.log"; then
	fail "a shard merged with itself was not refused"
fi
[ "$fails" = 0 ] && ok "2 sweep shards merged: the same points and runs as one sweep"

# 4. Run shards from four engines' environments, merged.
sel=(-n baseline -n port-closed -n server-denied -n bad-credentials -n certificate-expired
	-n security-rdp-only -n dns-unresolvable -n server-overloaded)
"$RDPREPRO" run "${sel[@]}" --results "$WORK/whole" "$SCN" >"$WORK/whole.log" 2>&1
whole=$(tail -1 "$WORK/whole.log" | sed 's/ (.*//')
env RDPREPRO_SHARD=1/4 "$RDPREPRO" run "${sel[@]}" --results "$WORK/s1" "$SCN" >"$WORK/s1.log" 2>&1
env SLURM_ARRAY_TASK_ID=6 SLURM_ARRAY_TASK_MIN=5 SLURM_ARRAY_TASK_COUNT=4 \
	"$RDPREPRO" run "${sel[@]}" --shard auto --results "$WORK/s2" "$SCN" >"$WORK/s2.log" 2>&1
env JOB_COMPLETION_INDEX=2 RDPREPRO_SHARDS=4 \
	"$RDPREPRO" run "${sel[@]}" --shard auto --results "$WORK/s3" "$SCN" >"$WORK/s3.log" 2>&1
env CI_NODE_INDEX=4 CI_NODE_TOTAL=4 \
	"$RDPREPRO" run "${sel[@]}" --shard auto --results "$WORK/s4" "$SCN" >"$WORK/s4.log" 2>&1
for i in 2 3 4; do
	grep -q "shard $i/4 from" "$WORK/s$i.log" || fail "shard $i did not say where its shard came from"
done
"$RDPREPRO" merge "$WORK/s1" "$WORK/s2" "$WORK/s3" "$WORK/s4" --out "$WORK/sm" >"$WORK/sm.log" 2>&1
merged=$(tail -1 "$WORK/sm.log" | sed 's/ (.*//')
[ "$whole" = "$merged" ] || fail "4 shards merged give \"$merged\", one run \"$whole\""
cases() { grep -o '<testcase [^>]*name="[^"]*"' "$1" | grep -o 'name="[^"]*"' | sort; }
[ "$(cases "$WORK/whole/junit.xml")" = "$(cases "$WORK/sm/junit.xml")" ] ||
	fail "the merged junit.xml holds other test cases than the whole run's"
# Each run's timeline is an <img alt="timeline.svg of NAME">, never inlined <svg> (report.c).
if ! grep -q '<table' "$WORK/sm/report.html" ||
	[ "$(grep -c 'alt="timeline.svg of ' "$WORK/sm/report.html")" -lt 8 ] ||
	grep -q '<svg' "$WORK/sm/report.html"; then
	fail "the merged report.html lacks the table or the runs' timelines (as images)"
fi
[ "$(grep -c '^ok\|^not ok' "$WORK/sm/results.tap")" = 8 ] || fail "the merged results.tap has not 8 test points"
[ "$fails" = 0 ] && ok "4 run shards (RDPREPRO_SHARD, Slurm, Kubernetes, GitLab) merged: \"$merged\", as one run"

[ "$fails" = 0 ] || exit 1
