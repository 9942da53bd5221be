#!/bin/bash
# host_untouched.sh: the host's network namespace and filesystem are as they were after a
# run, after a run interrupted with SIGINT in the middle of its scenario, after SIGKILL of the
# runner (its workers unwind), and after SIGKILL of runner and workers once the next run has
# swept what they left.
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
		echo "== netns etc"; find /etc/netns -maxdepth 1 -name 'rdpp-*' 2>/dev/null || true
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

# Waits (deadline) until no rdprepro process of ours is left.
wait_no_rdprepro() {
	for _ in $(seq 1 200); do
		pgrep -f 'rdprepro (run|server|probe)' >/dev/null || return 0
		sleep 0.05
	done
	return 1
}

# 3. SIGKILL of the runner alone: its workers get SIGTERM (PR_SET_PDEATHSIG) and unwind
#    their labs as for Ctrl-C; the server and probe die with their worker.
"$RDPREPRO" run --results "$WORK/r3" "$WORK/held.scn" >"$WORK/out3" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
kill -KILL "$runner"
wait "$runner" 2>/dev/null || true
wait_no_rdprepro || { echo "[FAIL] SIGKILL of the runner: processes left"; pgrep -a -f rdprepro; exit 1; }
compare "SIGKILL of the runner"

# 4. SIGKILL of the runner and its workers at once: nothing can unwind; the next run's sweep
#    removes the namespaces and run directory they left (owner pid gone), and only those.
"$RDPREPRO" run --results "$WORK/r4" "$WORK/held.scn" >"$WORK/out4" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
pkill -KILL -f 'rdprepro run'
wait "$runner" 2>/dev/null || true
wait_no_rdprepro || { echo "[FAIL] processes survived SIGKILL"; exit 1; }
ip netns list | grep -q '^rdpp-' || { echo "[FAIL] SIGKILL left nothing to sweep?"; exit 1; }
"$RDPREPRO" run --results "$WORK/r5" "$SCN" >"$WORK/out5" 2>&1
grep -q "sweeping lab rdpp-" "$WORK/out5" || { echo "[FAIL] no sweep"; cat "$WORK/out5"; exit 1; }
compare "SIGKILL of runner and workers, then the next run's sweep"
