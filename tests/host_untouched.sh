#!/bin/bash
# host_untouched.sh: the host's network namespace and filesystem are as they were after a
# run, after a run interrupted with SIGINT in the middle of its scenario, after SIGKILL of the
# runner (its workers unwind), after SIGKILL of runner and workers once the next run has
# swept what they left, after SIGTERM, after a scenario ended by its deadline, after the
# server or the client crashed (SIGSEGV) mid-run, and with two runs at once (neither touches
# the other's lab), and with X labs in parallel (no X lock file, socket or mount left in /tmp).
# Run directories are known by the registry (/run/rdprepro, harness/lab/lab.h): each run's entry
# is there while it runs and gone after, swept with its directory after a SIGKILL. Processes are
# signalled by pid, never by name: other runs on this machine are not this test's to kill.
# Run directories are known by the registry (/run/rdprepro, harness/lab/lab.h): each run's entry
# is there while it runs and gone after, swept with its directory after a SIGKILL. Processes are
# signalled by pid, never by name: other runs on this machine are not this test's to kill.
#
# Usage: host_untouched.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
SRC=$2
SCN="$SRC/scenarios/baseline.scn"
WORK=$(mktemp -d /tmp/rdprepro-host-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"

if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] host_untouched: needs root (network namespaces)"
	exit 77
fi

# The binary as its children name it (it execs /proc/self/exe's target).
self=$(readlink -f "$RDPREPRO")

# Labs, run directories and registry entries of other runs on this machine are not this test's:
# those whose owner pid is alive, or that were there before it began. The rest must match.
owners() {
	{ ip netns list; ls "${TMPDIR:-/tmp}" /run/rdprepro /etc/netns; } 2>/dev/null |
		grep -o 'rdpp-[0-9]*-' | tr -dc '0-9\n' | sort -u
}
ours_only() {
	local line pid keep
	while IFS= read -r line; do
		keep=1
		for pid in $(grep -o 'rdpp-[0-9]*-' <<<"$line" | tr -dc '0-9\n'); do
			if kill -0 "$pid" 2>/dev/null || grep -qx "$pid" "$WORK/others"; then
				keep=
			fi
		done
		if [ -n "$keep" ]; then
			printf '%s\n' "$line"
		fi
	done
}

# What a run could touch: links, addresses, routes, rules, nft ruleset, the forwarding
# sysctl, namespaces, processes, run directories and registry entries of ours.
snapshot() {
	{
		echo "== links"; ip -o link show | sed 's/ qlen [0-9]*//'
		echo "== addresses"; ip -br addr show
		echo "== routes"; ip route show table all
		echo "== rules"; ip rule show
		echo "== nft"; nft list ruleset 2>&1
		echo "== sysctl"; sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding
		echo "== netns"; ip netns list | grep '^rdpp-' | sed 's/ (id: [0-9]*)//' | ours_only | sort || true
		# Ours by the binary's path. X and the other peers by their program (a pattern on whole
		# command lines also matches a compiler building peer_xrdp.c), and only when left: a
		# live one has its run's worker for a parent (another run's, on a shared machine); one
		# left behind was reparented to init.
		echo "== processes"
		{ pgrep -a -f "^$self (server|probe|shaper|hostile)"
			ps -e -o ppid=,pid=,args= | awk '$1 == 1 &&
				$3 ~ /^([^ ]*\/)?(xrdp|xrdp-sesman|Xvfb|freerdp-shadow-cli3|xfreerdp3)$/ {
				$1 = ""; print substr($0, 2) }'; } | ours_only || true
		echo "== run dirs"; find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'rdpp-*' | ours_only | sort || true
		echo "== registry"; find /run/rdprepro -mindepth 1 -maxdepth 1 2>/dev/null | ours_only | sort || true
		echo "== netns etc"; find /etc/netns -maxdepth 1 -name 'rdpp-*' 2>/dev/null | ours_only || true
		# X's lock files and sockets live in /tmp, its compiled keymaps in /var/lib/xkb; a lab's
		# X has its own of both (binds in a mount namespace of its own), which must never show
		# in the host's mounts.
		echo "== X files"; find /tmp /var/lib/xkb -maxdepth 2 \( -name '.X*-lock' -o -path '/tmp/.X11-unix/*' -o -name 'server-*.xkm' \) 2>/dev/null || true
		echo "== mounts"; awk '/rdpp-/ { print $5 }' /proc/self/mountinfo | ours_only | sort || true
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

# The pids under ANCESTOR (its workers, their servers and probes), one a line.
descendants() {
	ps -e -o pid=,ppid= | awk -v top="$1" '
		{ parent[$1] = $2 }
		END { for (p in parent) { q = p; while (q in parent && q > 1) { q = parent[q]
			if (q == top) { print p; break } } } }'
}

# Whether a process under ANCESTOR runs `rdprepro WHAT`.
runs_under() {
	local p
	for p in $(descendants "$1"); do
		if tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline" | grep -q "rdprepro $2"; then
			return 0
		fi
	done
	return 1
}

# Waits (deadline, not a sleep) until the runner's probe is running: mid-scenario.
wait_probe() {
	local runner=$1
	for _ in $(seq 1 200); do
		runs_under "$runner" probe && return 0
		kill -0 "$runner" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

# The registry entry of RUNNER's (only) worker.
entry_of() {
	local w e
	for w in $(pgrep -P "$1"); do
		for e in /run/rdprepro/rdpp-"$w"-*; do
			[ -f "$e" ] && echo "$e" && return 0
		done
	done
	return 1
}

owners >"$WORK/others"
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
runs_under "$runner" server || { echo "[FAIL] no server mid-run"; exit 1; }
ip netns list | grep -q "^rdpp-" || { echo "[FAIL] no lab mid-run"; exit 1; }
# Mid-run: nothing of ours listens in the host's namespace, and the run's secrets are private
# (a 0700 directory; key, SAM file and password 0600).
ss -Hltnu | sort >"$WORK/listen-during"
diff -u "$WORK/listen-before" "$WORK/listen-during" || { echo "[FAIL] a new listener in the host's namespace"; exit 1; }
# The run directory is the one its registry entry names (the registry root's, 0700).
entry=$(entry_of "$runner") || { echo "[FAIL] no registry entry mid-run"; ls -la /run/rdprepro; exit 1; }
rundir=$(sed -n 's/^dir //p' "$entry")
if ! [ -d "$rundir" ] || [ -L "$rundir" ]; then
	echo "[FAIL] $entry names no directory"; exit 1
fi
[ "$(stat -c %a%U /run/rdprepro)" = 700root ] || { echo "[FAIL] /run/rdprepro is not root's 0700"; exit 1; }
# 0700, or 0750 for the group of the run's own identity (docs/security.md): never others'.
case $(stat -c %a "$rundir") in
	700 | 750) ;;
	*) echo "[FAIL] $rundir is $(stat -c %a "$rundir"), not 0700 or 0750"; exit 1 ;;
esac
for f in server.key sam password; do
	case $(stat -c %a "$rundir/$f") in
		600 | 640) ;;
		*) echo "[FAIL] $rundir/$f is $(stat -c %a "$rundir/$f"), not 0600 or 0640"; exit 1 ;;
	esac
done
echo "[ OK ] mid-run: no listener in the host's namespace; secrets closed to others in the" \
	"directory the registry names"
kill -INT "$runner"
rc=0
wait "$runner" || rc=$?
[ "$rc" = 130 ] || { echo "[FAIL] SIGINT: exit $rc, want 130"; cat "$WORK/out2"; exit 1; }
compare "SIGINT mid-scenario"

# Waits (deadline, not a sleep) until none of the pids given is left.
wait_gone() {
	local p left
	for _ in $(seq 1 200); do
		left=
		for p in "$@"; do
			if kill -0 "$p" 2>/dev/null; then
				left=1
			fi
		done
		[ -z "$left" ] && return 0
		sleep 0.05
	done
	return 1
}

# 3. SIGKILL of the runner alone: its workers get SIGTERM (PR_SET_PDEATHSIG) and unwind
#    their labs as for Ctrl-C; the server and probe die with their worker.
"$RDPREPRO" run --results "$WORK/r3" "$WORK/held.scn" >"$WORK/out3" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
mapfile -t under < <(descendants "$runner")
kill -KILL "$runner"
wait "$runner" 2>/dev/null || true
wait_gone "${under[@]}" || { echo "[FAIL] SIGKILL of the runner: processes left"; ps -o pid,args -p "${under[*]}"; exit 1; }
compare "SIGKILL of the runner"

# 4. SIGKILL of the runner and its workers at once (the workers first: a worker whose runner
#    died first would unwind): nothing can unwind; the next run's sweep removes the namespaces
#    and the run directory its registry entry names (its writer gone), and only those.
"$RDPREPRO" run --results "$WORK/r4" "$WORK/held.scn" >"$WORK/out4" 2>&1 &
runner=$!
wait_probe "$runner" || { echo "[FAIL] the probe never started"; exit 1; }
entry=$(entry_of "$runner") || { echo "[FAIL] no registry entry mid-run"; exit 1; }
lab=$(basename "$entry")
mapfile -t under < <(descendants "$runner")
# shellcheck disable=SC2046 # the workers' pids, one word each
kill -KILL $(pgrep -P "$runner") "$runner"
if ! ip netns list | grep -q "^$lab-" || ! [ -f "$entry" ]; then
	echo "[FAIL] SIGKILL left nothing to sweep? (netns: $(ip netns list | grep -c "^$lab-"), entry:" \
		"$(ls "$entry" 2>&1))"
	exit 1
fi
wait "$runner" 2>/dev/null || true
wait_gone "${under[@]}" || { echo "[FAIL] processes survived SIGKILL"; exit 1; }
"$RDPREPRO" run --results "$WORK/r5" "$SCN" >"$WORK/out5" 2>&1
# Another run on this machine may have swept them first: gone is what counts.
if ip netns list | grep -q "^$lab-" || [ -e "$entry" ]; then
	echo "[FAIL] $lab not swept"; cat "$WORK/out5"; exit 1
fi
grep -q "sweeping lab $lab" "$WORK/out5" || echo "       (swept by another run on this machine)"
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
	for pid in $(descendants "$runner"); do
		if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q "rdprepro $who"; then
			kill -SEGV "$pid"
		fi
	done
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
entry=$(entry_of "$runner") || { echo "[FAIL] no registry entry mid-run"; exit 1; }
lab=$(basename "$entry")
rundir=$(sed -n 's/^dir //p' "$entry")
"$RDPREPRO" run --results "$WORK/r9" "$WORK/held.scn" >"$WORK/outB" 2>&1 || { echo "[FAIL] run B"; cat "$WORK/outB"; exit 1; }
rc=0
wait "$runner" || rc=$?
[ "$rc" = 0 ] || { echo "[FAIL] run A beside run B: exit $rc"; cat "$WORK/outA"; exit 1; }
if grep -q "sweeping lab $lab\|removing $rundir" "$WORK/outB"; then
	echo "[FAIL] run B swept run A's lab or run directory"; cat "$WORK/outB"; exit 1
fi
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
