#!/bin/bash
# host_untouched.sh: the host's network namespace and filesystem are as they were after a
# run, after a run interrupted with SIGINT in the middle of its scenario, and after a run
# killed with SIGKILL once the next run has swept what it left.
#
# Usage: host_untouched.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
SRC=$2
SCN="$SRC/scenarios/baseline.scn"
WORK=$(mktemp -d /tmp/rdprepro-host-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] host_untouched: needs root (network namespaces)"
	exit 77
fi

# What a run could touch: links, addresses, routes, rules, nft ruleset, the forwarding
# sysctl, namespaces, processes and run directories of ours.
snapshot() {
	{
		echo "== links"; ip -o link show | sed 's/ qlen [0-9]*//'
		echo "== addresses"; ip -br addr show
		echo "== routes"; ip route show table all
		echo "== rules"; ip rule show
		echo "== nft"; nft list ruleset 2>&1
		echo "== sysctl"; sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding
		echo "== netns"; ip netns list | grep '^rdpp-' || true
		echo "== processes"; pgrep -a -f 'rdprepro (server|probe)' || true
		echo "== run dirs"; find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'rdpp-*' || true
	} >"$1"
}

compare() {
	local what=$1
	snapshot "$WORK/after"
	if diff -u "$WORK/before" "$WORK/after"; then
		echo "[ OK ] $what: host namespace, processes and temp files as before"
	else
		echo "[FAIL] $what: the host differs (diff above)"
		exit 1
	fi
}

# Waits (deadline, not a sleep) until the runner's probe is running: mid-scenario.
wait_probe() {
	local runner=$1
	for _ in $(seq 1 200); do
		if pgrep -f 'rdprepro probe' >/dev/null; then
			return 0
		fi
		kill -0 "$runner" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

snapshot "$WORK/before"

# 1. A normal run.
"$RDPREPRO" run --results "$WORK/r1" "$SCN" >"$WORK/out1"
grep -q '^\[ OK \] baseline' "$WORK/out1"
compare "normal run"

# 2. SIGINT (Ctrl-C) while the probe is connecting: a scenario whose hold keeps it busy.
sed 's/^hold = .*/hold = 10s/; s/^deadline = .*/deadline = 30s/' "$SCN" >"$WORK/held.scn"
"$RDPREPRO" run --results "$WORK/r2" "$WORK/held.scn" >"$WORK/out2" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; cat "$WORK/out2"; exit 1; }
pgrep -f 'rdprepro server' >/dev/null || { echo "[FAIL] no server mid-run"; exit 1; }
ip netns list | grep -q "^rdpp-" || { echo "[FAIL] no lab mid-run"; exit 1; }
kill -INT "$runner"
rc=0
wait "$runner" || rc=$?
[ "$rc" = 130 ] || { echo "[FAIL] SIGINT: exit $rc, want 130"; cat "$WORK/out2"; exit 1; }
compare "SIGINT mid-scenario"

# 3. SIGKILL: nothing can run in the dying runner; its children die with it
#    (PR_SET_PDEATHSIG), and the next run sweeps its namespaces and run directory.
"$RDPREPRO" run --results "$WORK/r3" "$WORK/held.scn" >"$WORK/out3" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
kill -KILL "$runner"
wait "$runner" || true
ip netns list | grep -q "^rdpp-$runner-" || { echo "[FAIL] SIGKILL left nothing to sweep?"; exit 1; }
"$RDPREPRO" run --results "$WORK/r4" "$SCN" >"$WORK/out4" 2>&1
grep -q "sweeping lab rdpp-$runner-" "$WORK/out4" || { echo "[FAIL] no sweep"; cat "$WORK/out4"; exit 1; }
compare "SIGKILL, then the next run's sweep"
