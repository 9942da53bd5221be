#!/bin/bash
# Files a root tool removes, creates and writes (issue 29, docs/security.md): the sweep removes
# only what the registry says a run that is gone made, never a directory by its name; outputs
# are never written through a symlink planted in their place.
#
#   /tmp/rdpp-1-abcdef.XXXX    user-made, pid 1, a symlink to OUTSIDE inside   must stay
#   /tmp/rdpp-1-abcd.XXXXXX    the same, in the exact form of a run directory  must stay
#   /tmp/rdpp-DEAD-abcd.XXXXXX a dead pid, the exact form, made by root, 0700  must stay
#   OUTSIDE/f1..f20            what a sweep through a symlink would delete     must stay
#   /run/rdprepro/rdpp-PID-... a SIGKILLed run's entry, and its run directory  swept, alone
#   RESULTS/{junit.xml,results.tap,report.html.tmp,.lock,baseline} -> OUTSIDE  not written
#
# (a) run and linkcheck start with a sweep: the decoys and OUTSIDE are untouched. (b) a run
# killed with SIGKILL (workers first, so that nothing unwinds) leaves a registry entry and its
# run directory: the next run's sweep removes them, and nothing else. (c) a run given a
# results directory full of planted symlinks writes none of their targets.
#
# Usage: files.sh RDPREPRO SRC BUILD. (a) and (b) need root and network namespaces: without
# them they are SKIP, and with nothing checked the script exits 77.
set -eu
bin=$1 src=$2
# shellcheck source=tests/hostile/common.inc
. "$src/tests/hostile/common.inc"

tmp=${TMPDIR:-/tmp}
work=$(mktemp -d "$tmp/rdprepro-test-files.XXXXXX")
chmod 0755 "$work"
outside=$work/outside
decoys=()
runner=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	if [ -n "$runner" ]; then
		kill "$runner" 2>/dev/null || true
		wait "$runner" 2>/dev/null || true
	fi
	rm -rf "$work" "${decoys[@]}"
}
trap cleanup EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/../on_signal.sh"
checked=0

mkdir "$outside"
for i in $(seq 1 20); do echo "precious $i" >"$outside/f$i"; done
echo "precious target" >"$work/target"
# What is outside, with its content: compared after each part.
snapshot() {
	(cd "$work" && find outside target -printf '%p %y %m\n' | sort && sha256sum target outside/*)
}
snapshot >"$work/before"
outside_kept() {
	snapshot >"$work/after"
	if cmp -s "$work/before" "$work/after"; then
		ok "$1: the files outside are as they were"
	else
		fail "$1: the files outside changed:"
		diff "$work/before" "$work/after" | sed 's/^/       /' | head -20
	fi
}

# A pid that no process has now: one that just ended.
true &
dead=$!
wait "$dead"

# Decoys: directories of the sweep's old prey, made by a user (pid 1) and by root (our exact
# form, a dead pid), with files and a symlink to OUTSIDE inside. No registry entry names them.
user=$(id -un nobody 2>/dev/null || echo "")
make_decoy() {
	local d=$1
	mkdir "$d"
	echo x >"$d/file"
	mkdir "$d/sub"
	echo y >"$d/sub/file"
	ln -s "$outside" "$d/link"
	decoys+=("$d")
}
make_decoy "$(mktemp -u "$tmp/rdpp-1-abcdef.XXXX")"
make_decoy "$(mktemp -u "$tmp/rdpp-1-abcd.XXXXXX")"
if [ -n "$user" ] && [ "$(id -u)" = 0 ]; then
	chown -hR nobody "${decoys[0]}" "${decoys[1]}"
fi
make_decoy "$(mktemp -u "$tmp/rdpp-$dead-abcd.XXXXXX")"
chmod 0700 "${decoys[2]}"
decoys_kept() {
	local d
	for d in "${decoys[@]}"; do
		if [ -f "$d/file" ] && [ -f "$d/sub/file" ] && [ -L "$d/link" ]; then
			ok "$1: $(basename "$d") untouched"
		else
			fail "$1: $(basename "$d") was swept"
		fi
	done
}

lab=yes
if [ "$(id -u)" != 0 ] || ! unshare --net true 2>/dev/null; then
	lab=
	echo "[SKIP] files (a), (b): need root and network namespaces"
fi

# (a) The sweeps at the start of run and linkcheck.
if [ -n "$lab" ]; then
	rc=0
	"$bin" run --no-vm --results "$work/ra" -n baseline "$src/scenarios" >"$work/a-run.log" 2>&1 ||
		rc=$?
	[ "$rc" = 0 ] || { fail "(a) run: exit $rc"; sed 's/^/       /' "$work/a-run.log" | tail; }
	decoys_kept "(a) after run"
	rc=0
	"$bin" linkcheck --loss 1% --count 100 >"$work/a-lc.log" 2>&1 || rc=$?
	[ "$rc" = 0 ] || { fail "(a) linkcheck: exit $rc"; sed 's/^/       /' "$work/a-lc.log" | tail; }
	decoys_kept "(a) after linkcheck"
	if grep -q "rdpp-1-abcd\|rdpp-$dead-abcd" "$work/a-run.log" "$work/a-lc.log"; then
		fail "(a) a sweep named a decoy:"
		grep -h "rdpp-1-abcd\|rdpp-$dead-abcd" "$work/a-run.log" "$work/a-lc.log"
	fi
	outside_kept "(a)"
	checked=1
fi

# (b) A run killed with SIGKILL, workers and runner, mid-scenario: its entry and run directory
# stay behind, and the next run's sweep removes them and nothing else.
if [ -n "$lab" ]; then
	sed 's/^hold = .*/hold = 20s/; s/^deadline = .*/deadline = 40s/' "$src/scenarios/baseline.scn" \
		>"$work/held.scn"
	"$bin" run --no-vm --results "$work/rb" "$work/held.scn" >"$work/b-killed.log" 2>&1 &
	runner=$!
	entry='' rundir=''
	for _ in $(seq 1 200); do
		for w in $(pgrep -P "$runner" || true); do
			for e in /run/rdprepro/rdpp-"$w"-*; do
				[ -f "$e" ] || continue
				entry=$e
				rundir=$(sed -n 's/^dir //p' "$e")
			done
		done
		# The lab up too: the entry names a directory that exists, with its secrets in it.
		[ -n "$rundir" ] && [ -e "$rundir/password" ] && break
		sleep 0.05
	done
	if [ -z "$entry" ] || ! [ -d "$rundir" ]; then
		fail "(b) no registry entry and run directory mid-run"
		sed 's/^/       /' "$work/b-killed.log" | tail
	else
		ok "(b) mid-run: $entry names $rundir"
		# Workers first, then the runner: killed runner first, its workers would unwind.
		# shellcheck disable=SC2046 # the workers' pids, one word each
		kill -KILL $(pgrep -P "$runner") "$runner" 2>/dev/null || true
		wait "$runner" 2>/dev/null || true
		runner=
		if [ -f "$entry" ] && [ -d "$rundir" ]; then
			ok "(b) SIGKILL left $(basename "$entry") and its run directory behind"
		else
			fail "(b) SIGKILL left nothing to sweep"
		fi
		rc=0
		"$bin" run --no-vm --results "$work/rb2" -n baseline "$src/scenarios" \
			>"$work/b-next.log" 2>&1 || rc=$?
		[ "$rc" = 0 ] || { fail "(b) next run: exit $rc"; sed 's/^/       /' "$work/b-next.log" | tail; }
		if [ -e "$rundir" ] || [ -e "$entry" ]; then
			fail "(b) the killed run's directory or entry is still there"
		elif grep -q "removing $rundir left by a run that is gone" "$work/b-next.log"; then
			ok "(b) the next run swept it: $(grep -m1 "removing $rundir" "$work/b-next.log")"
		else
			# Another run on this machine may have swept it first: gone all the same.
			ok "(b) the killed run's directory and entry are gone (swept by a concurrent run)"
		fi
		decoys_kept "(b)"
		outside_kept "(b)"
	fi
	checked=1
fi

# (c) A results directory with symlinks planted where the suite's outputs go: none of their
# targets is written, none of the dangling ones is created.
res=$work/rc
mkdir "$res"
ln -s "$work/target" "$res/junit.xml"
ln -s "$work/target" "$res/results.tap"
ln -s "$work/target" "$res/report.html.tmp"
ln -s "$work/target" "$res/report.html"
ln -s "$work/made-by-lock" "$res/.lock"
ln -s "$outside" "$res/baseline"
rc=0
"$bin" run --no-vm --results "$res" -n baseline "$src/scenarios" >"$work/c.log" 2>&1 || rc=$?
case $rc in
	0) ;;
	*) fail "(c) run: exit $rc"; sed 's/^/       /' "$work/c.log" | tail ;;
esac
outside_kept "(c)"
if [ -e "$work/made-by-lock" ]; then
	fail "(c) the dangling .lock symlink's target was created"
else
	ok "(c) the dangling .lock symlink's target was not created"
fi
for f in junit.xml results.tap; do
	if [ -f "$res/$f" ] && ! [ -L "$res/$f" ] && [ -s "$res/$f" ]; then
		ok "(c) $f written in place of the symlink"
	else
		fail "(c) $f: not written as a file of its own"
	fi
done
if [ -d "$res/baseline" ] && ! [ -L "$res/baseline" ] && [ -f "$res/baseline/result.json" ]; then
	ok "(c) the run's folder is a directory of its own"
else
	fail "(c) the run's folder: not a directory of its own"
fi
checked=1

[ "$checked" = 1 ] || exit 77
hostile_end
