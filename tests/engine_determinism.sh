#!/bin/bash
# engine_determinism.sh: with the same seed, two runs of a lossy FreeRDP scenario have the
# same packets dropped by the userspace engine (the fate of the n-th packet depends on the
# seed alone); another seed drops others. Compared on the engine's per-packet fate logs
# ("n fate delay") over the packets both runs saw, in both directions.
#
# Usage: engine_determinism.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
SRC=$2
SCN="$SRC/scenarios/packet-loss.scn"
WORK=$(mktemp -d /tmp/rdprepro-determinism.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] engine_determinism: needs root (network namespaces)"
	exit 77
fi

packets() { grep -vc '^#' "$1"; }
fates() { grep -v '^#' "$1" | head -n "$2" | awk '{ print $1, $2 }'; }

"$RDPREPRO" run --jobs 3 --repeat 2 --seed 42 --results "$WORK/a" "$SCN" >/dev/null &
"$RDPREPRO" run --seed 43 --results "$WORK/b" "$SCN" >/dev/null &
wait %1 || true # the verdict is not the point here; the logs are
wait %2 || true
differs=0
for d in to-server to-client; do
	l1="$WORK/a/packet-loss/run-1/engine-$d.log"
	l2="$WORK/a/packet-loss/run-2/engine-$d.log"
	l3="$WORK/b/packet-loss/engine-$d.log"
	n=$(packets "$l1")
	[ "$(packets "$l2")" -lt "$n" ] && n=$(packets "$l2")
	[ "$n" -ge 10 ] || { echo "[FAIL] $d: only $n packets seen"; exit 1; }
	drops=$(fates "$l1" "$n" | grep -c drop || true)
	if ! cmp -s <(fates "$l1" "$n") <(fates "$l2" "$n"); then
		echo "[FAIL] $d: seed 42 twice, different fates:"
		diff <(fates "$l1" "$n") <(fates "$l2" "$n") | head
		exit 1
	fi
	echo "[ OK ] $d: seed 42 twice: the same fate for each of the first $n packets ($drops dropped)"
	m=$(packets "$l3")
	[ "$m" -lt "$n" ] && n=$m
	cmp -s <(fates "$l1" "$n") <(fates "$l3" "$n") || differs=1
done
if [ "$differs" = 0 ]; then
	echo "[FAIL] seeds 42 and 43 gave the same fates in both directions"
	exit 1
fi
echo "[ OK ] seed 43 drops other packets"
