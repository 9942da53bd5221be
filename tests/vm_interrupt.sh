#!/bin/bash
# vm_interrupt.sh RDPREPRO SOURCE_DIR: `rdprepro run --vm` interrupted leaves nothing behind.
#   1. SIGINT while the guest's scenario runs: the guest's run gets it and stops as a run on a
#      host does (its labs removed, junit.xml and results.tap written with the run it did not
#      finish), exit 130; no qemu process, nothing of the lane's in the results or in TMPDIR;
#   2. SIGTERM: the same, exit 143;
#   3. SIGKILL of the runner: its qemu dies with it (within 2 s), and nothing of the lane's is
#      left in the results or in TMPDIR.
# Exit 77 (SKIP) where no guest can boot here, with the reason.
set -eu
RDPREPRO=$(readlink -f "$1")
SRC=$(cd "$2" && pwd)
why=""
rc=0
why=$("$SRC/netem/vm" check 2>&1) || rc=$?
if [ "$rc" != 0 ]; then
	echo "[SKIP] vm_interrupt: no guest can boot here: $why"
	exit 77
fi
WORK=$(mktemp -d /tmp/rdprepro-vmint.XXXXXX)
mkdir "$WORK/tmp"
export TMPDIR=$WORK/tmp
trap 'pkill -KILL -f "path=$WORK/" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fails=0
fail() { echo "[FAIL] $*"; fails=$((fails + 1)); }

qemu_of() { pgrep -f "path=$1,mount_tag=out" || true; }

# The runner's own output, for a failure's evidence (tests/check.sh keeps this test's output;
# $WORK goes with the trap).
show() {
	echo "---- the runner's output ($1), its last 60 lines:"
	tail -60 "$1"
	echo "----"
}

# Waits (up to 120 s) until the guest's run has made its scenario's result folder: the guest
# is up and the lab is being made.
wait_running() {
	local res=$1 i
	for i in $(seq 1 600); do
		[ -d "$res/packet-loss" ] && return 0
		sleep 0.2
	done
	return 1
}

# What the lane may leave in the results: nothing but what a host run writes.
lane_left() {
	find "$1" -maxdepth 1 -name '.rdprepro-guest*'
	find "$TMPDIR" -mindepth 1 -maxdepth 1
}

for sig in INT TERM; do
	res=$WORK/r-$sig
	t0=$SECONDS
	"$RDPREPRO" run --vm --results "$res" "$SRC/scenarios/packet-loss.scn" >"$WORK/out-$sig" 2>&1 &
	pid=$!
	if ! wait_running "$res"; then
		fail "SIG$sig: the guest's run did not start"
		kill -KILL "$pid" 2>/dev/null || echo "(the runner had ended already)"
		show "$WORK/out-$sig"
		continue
	fi
	sleep 2
	kill -"$sig" "$pid"
	rc=0
	wait "$pid" || rc=$?
	want=$((128 + $(kill -l "$sig")))
	t=$((SECONDS - t0))
	[ "$rc" = "$want" ] || fail "SIG$sig: exit $rc, want $want"
	[ -z "$(qemu_of "$res")" ] || fail "SIG$sig: qemu is still running"
	grep -q 'interrupted' "$res/junit.xml" 2>/dev/null || fail "SIG$sig: junit.xml does not say interrupted"
	[ -z "$(lane_left "$res")" ] || fail "SIG$sig: left $(lane_left "$res" | tr '\n' ' ')"
	[ "$fails" != 0 ] && { show "$WORK/out-$sig"; continue; }
	echo "[ OK ] SIG$sig: the guest's run stopped (exit $rc, junit.xml written) and the guest with it, $t s after the start; nothing left"
done

res=$WORK/r-KILL
"$RDPREPRO" run --vm --results "$res" "$SRC/scenarios/packet-loss.scn" >"$WORK/out-KILL" 2>&1 &
pid=$!
if wait_running "$res"; then
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
	for i in $(seq 1 20); do
		[ -z "$(qemu_of "$res")" ] && break
		sleep 0.1
	done
	if [ -n "$(qemu_of "$res")" ]; then
		fail "SIGKILL: qemu outlived the runner by 2 s"
		show "$WORK/out-KILL"
	elif [ -n "$(lane_left "$res")" ]; then
		fail "SIGKILL: left $(lane_left "$res" | tr '\n' ' ')"
		show "$WORK/out-KILL"
	else
		echo "[ OK ] SIGKILL of the runner: its qemu died with it ($((i * 100)) ms at most), nothing left"
	fi
else
	fail "SIGKILL: the guest's run did not start"
	kill -KILL "$pid" 2>/dev/null || echo "(the runner had ended already)"
	show "$WORK/out-KILL"
fi
[ "$fails" = 0 ] || exit 1
