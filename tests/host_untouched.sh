#!/bin/bash
# host_untouched.sh: the host's network namespace and filesystem are as they were after a
# run, after a run interrupted with SIGINT in the middle of its scenario, after SIGKILL of the
# runner (its workers unwind), after SIGKILL of runner and workers once the next run has
# swept what they left, after SIGTERM, after a scenario ended by its deadline, after the
# server or the client crashed (SIGSEGV) mid-run, and with two runs at once (neither touches
# the other's lab), and with X labs in parallel (no X lock file, socket or mount left in /tmp).
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
		echo "== processes"; pgrep -a -f 'rdprepro (server|probe|shaper|hostile)|xrdp|Xvfb|freerdp-shadow|xfreerdp' || true
		echo "== run dirs"; find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'rdpp-*' || true
		echo "== netns etc"; find /etc/netns -maxdepth 1 -name 'rdpp-*' 2>/dev/null || true
		# X's lock files and sockets live in /tmp, its compiled keymaps in /var/lib/xkb; a lab's
		# X has its own of both (binds in a mount namespace of its own), which must never show
		# in the host's mounts.
		echo "== X files"; find /tmp /var/lib/xkb -maxdepth 2 \( -name '.X*-lock' -o -path '/tmp/.X11-unix/*' -o -name 'server-*.xkm' \) 2>/dev/null || true
		echo "== mounts"; grep -c 'rdpp-' /proc/self/mountinfo || true
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
ss -Hltnu | sort >"$WORK/listen-before"

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
# Mid-run: nothing of ours listens in the host's namespace, and the run's secrets are private
# (a 0700 directory; key, SAM file and password 0600).
ss -Hltnu | sort >"$WORK/listen-during"
diff -u "$WORK/listen-before" "$WORK/listen-during" || { echo "[FAIL] a new listener in the host's namespace"; exit 1; }
rundir=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'rdpp-*' -type d | head -n 1)
[ "$(stat -c %a "$rundir")" = 700 ] || { echo "[FAIL] $rundir is not 0700"; exit 1; }
for f in server.key sam password; do
	[ "$(stat -c %a "$rundir/$f")" = 600 ] || { echo "[FAIL] $rundir/$f is not 0600"; exit 1; }
done
echo "[ OK ] mid-run: no listener in the host's namespace; secrets 0600 in a 0700 directory"
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

# 5. SIGTERM (what `timeout`, systemd and CI runners send) mid-scenario: like Ctrl-C, exit 143.
"$RDPREPRO" run --results "$WORK/r6" "$WORK/held.scn" >"$WORK/out6" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
kill -TERM "$runner"
rc=0
wait "$runner" || rc=$?
[ "$rc" = 143 ] || { echo "[FAIL] SIGTERM: exit $rc, want 143"; cat "$WORK/out6"; exit 1; }
compare "SIGTERM mid-scenario"

# 6. A scenario ended by its deadline: the hung server, whose client gives up at 6 s.
"$RDPREPRO" run --results "$WORK/r7" "$SRC/scenarios/server-hung.scn" >"$WORK/out7" 2>&1
grep -q '^\[ OK \] server-hung' "$WORK/out7" || { echo "[FAIL] server-hung"; cat "$WORK/out7"; exit 1; }
compare "a scenario ended by its deadline"

# 7, 8. The server, then the client, crash (SIGSEGV) in the middle of the run: the run says
#    so (ERROR, exit 1) and leaves nothing behind.
for who in server probe; do
	"$RDPREPRO" run --results "$WORK/r-$who" "$WORK/held.scn" >"$WORK/out-$who" 2>&1 &
	runner=$!
	wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
	pkill -SEGV -f "rdprepro $who"
	rc=0
	wait "$runner" || rc=$?
	[ "$rc" = 1 ] || { echo "[FAIL] crashed $who: exit $rc, want 1"; cat "$WORK/out-$who"; exit 1; }
	compare "the $who crashed mid-run"
done

# 9. Two runs at once: B starts (and sweeps) while A is mid-scenario; A's lab is live and
#    not B's to remove: both pass. They were given the same results directory (two `make
#    scenarios` in one tree): A keeps it, B writes beside it (DIR-PID) and says so; neither
#    loses a result.
"$RDPREPRO" run --results "$WORK/r9" "$WORK/held.scn" >"$WORK/outA" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
"$RDPREPRO" run --results "$WORK/r9" "$WORK/held.scn" >"$WORK/outB" 2>&1 || { echo "[FAIL] run B"; cat "$WORK/outB"; exit 1; }
rc=0
wait "$runner" || rc=$?
[ "$rc" = 0 ] || { echo "[FAIL] run A beside run B: exit $rc"; cat "$WORK/outA"; exit 1; }
! grep -q "sweeping lab" "$WORK/outB" || { echo "[FAIL] run B swept a lab"; cat "$WORK/outB"; exit 1; }
grep -q "$WORK/r9 is in use by another run; results in $WORK/r9-[0-9]" "$WORK/outB" ||
	{ echo "[FAIL] run B did not move aside from A's results"; cat "$WORK/outB"; exit 1; }
for d in "$WORK/r9" "$WORK"/r9-[0-9]*; do
	if ! [ -s "$d/junit.xml" ] || ! [ -s "$d/held/result.json" ]; then
		echo "[FAIL] $d lost a result"; ls -R "$d"; exit 1
	fi
done
compare "two runs at once"

# 10. X labs in parallel: freerdp-shadow-cli3 on its Xvfb (server side) and xfreerdp3 on its
#     own (client side), two of each at once: every display is :0 in a /tmp of its own, so all
#     pass, and no lock file, socket or mount is left in the host's /tmp.
"$RDPREPRO" run --jobs 4 --repeat 2 --results "$WORK/r10" "$SRC/scenarios/shadow-baseline.scn" \
	"$SRC/scenarios/xfreerdp-baseline.scn" >"$WORK/out10" 2>&1 || { cat "$WORK/out10"; exit 1; }
grep -q '^4 passed, 0 failed' "$WORK/out10" || { cat "$WORK/out10"; exit 1; }
compare "X labs in parallel"
