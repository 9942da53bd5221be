#!/bin/bash
# variants.sh: scenarios the catalog does not hold, drawn from each cause's envelope by
# `rdprepro variants`, run in real labs; prints the confusion matrix and every draw whose
# verdict was not acceptable, and fails on any confidently wrong verdict (a wrong cause named).
# An undetermined verdict that does not name the cause is reported, not failed: it is the
# honest answer where evidence runs out, and the matrix counts it.
#
# Usage: variants.sh RDPREPRO PER_CAUSE SEED [KEEP_DIR]     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
PER=${2:-1}
SEED=${3:-$(date +%Y%m%d)}
WORK=${4:-}
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] variants: needs root (network namespaces)"
	exit 77
fi
if [ -z "$WORK" ]; then
	WORK=$(mktemp -d /tmp/rdprepro-variants.XXXXXX)
	trap 'rm -rf "$WORK"' EXIT
	# shellcheck source=tests/on_signal.sh
	. "$(dirname "$0")/on_signal.sh"
fi
mkdir -p "$WORK"
rm -rf "$WORK/scn" "$WORK/results"
"$RDPREPRO" variants --seed "$SEED" --per-cause "$PER" --out "$WORK/scn"
start=$(date +%s.%N)
# A run's own FAIL is the matrix's to judge (exit 1 there means a failed scenario): only a
# harness error (exit 2 and up) stops here.
rc=0
"$RDPREPRO" run --results "$WORK/results" "$WORK/scn" >"$WORK/run.log" 2>&1 || rc=$?
if [ "$rc" -gt 1 ]; then
	tail -20 "$WORK/run.log"
	echo "[FAIL] variants: the runner exited $rc"
	exit 1
fi
end=$(date +%s.%N)
echo "seed $SEED, $PER per cause, $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }') s"
if "$RDPREPRO" variants --matrix "$WORK/results"; then
	echo "[ OK ] variants: no wrong cause named"
else
	echo "[FAIL] variants: a wrong cause was named (above, marked WRONG); the draws are in $WORK/scn (seed $SEED)"
	exit 1
fi
# A run with --repeat keeps each repeat in NAME/run-K/: the matrix counts each as a draw (and
# nothing else in that folder). The first draw that ran (a SKIP is no draw), as two repeats and a
# stray folder:
first=$(find "$WORK/results" -mindepth 2 -maxdepth 2 -name result.json -exec grep -L '"status":"SKIP"' {} + | sort | head -1)
rm -rf "$WORK/repeats"
mkdir -p "$WORK/repeats/draw/run-1" "$WORK/repeats/draw/run-2" "$WORK/repeats/draw/run-x"
for d in run-1 run-2 run-x; do cp "$first" "$WORK/repeats/draw/$d/result.json"; done
if "$RDPREPRO" variants --matrix "$WORK/repeats" | grep -q '^2 draws: '; then
	echo "[ OK ] variants: a --repeat run's repeats are counted, each a draw"
else
	echo "[FAIL] variants: the matrix of a --repeat run did not count its 2 repeats"
	exit 1
fi
