#!/bin/bash
# Least privilege (issue 29, docs/security.md): while a run's labs are up, every process that
# runs FreeRDP's code or serves the lab's clients (the probe, the lab server, the hostile
# clients, xrdp, freerdp-shadow-cli3, xfreerdp3, Xvfb) holds no capability in any set, has
# no_new_privs, and, where the namespace maps other uids (root on the host), runs as a uid that
# is not root and not the runner's; tcpdump (--capture) ends as its own user. The runner and
# the shaper are the lab's plumbing and stay root.
#
#   runner (root) --fork--> worker (root) --spawn--> probe / server / peers (uid 1879048192+pid)
#
# Usage: privileges.sh RDPREPRO SRC BUILD. Needs root and namespaces: SKIP (77) without them.
set -eu
bin=$1 src=$2
# shellcheck source=tests/hostile/common.inc
. "$src/tests/hostile/common.inc"

if [ "$(id -u)" != 0 ] || ! unshare --net true 2>/dev/null; then
	echo "[SKIP] privileges: needs root and network namespaces"
	exit 77
fi
work=$(mktemp -d /tmp/rdprepro-test-priv.XXXXXX)
runner=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	[ -n "$runner" ] && kill "$runner" 2>/dev/null && wait "$runner" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/../on_signal.sh"

# The sampling loop below must look often enough to see a process that lives two seconds (the
# hostile clients) while five labs' processes are up: with a fork per ancestor, per process and
# per field, one look took seconds under make check's load and missed it (this stop). So one
# look forks twice (ls, awk); the rest are builtins, and a process found below the runner once
# is remembered.
declare -A below=()

# descendant PID ANCESTOR: whether ANCESTOR is among PID's ancestors.
descendant() {
	local p=$1 want=$2 stat
	local -a f
	[ -n "${below[$1]:-}" ] && return 0
	while [ "$p" -gt 1 ]; do
		read -r stat 2>/dev/null <"/proc/$p/stat" || return 1
		stat=${stat##*) } # past the command's name, which may hold blanks
		read -r -a f <<<"$stat"
		if [ "${f[1]}" = "$want" ]; then
			below[$1]=1
			return 0
		fi
		p=${f[1]}
	done
	return 1
}

# look PID EXE: "PID EXE-NAME | ARGS | Uid:U CapInh:... NoNewPrivs:N " of a process, from /proc
# by builtins; false once it is gone.
look() {
	local k v rest st="" n=0
	local -a av
	mapfile -d '' -t av 2>/dev/null <"/proc/$1/cmdline" || return 1
	while read -r k v rest; do
		case $k in
		Uid: | CapInh: | CapPrm: | CapEff: | CapBnd: | CapAmb: | NoNewPrivs:)
			st+="$k$v "
			n=$((n + 1))
			;;
		esac
	done 2>/dev/null <"/proc/$1/status" || return 1
	# A status read while the process ended comes short (/proc reads it in pieces): all seven
	# fields, or it is gone.
	[ "$n" = 7 ] || return 1
	k="${av[*]}"
	printf '%s %s | %s | %s\n' "$1" "${2##*/}" "${k:0:60}" "$st"
}

# One of each kind, all at once: the lab server with hostile clients and the probe, xrdp,
# freerdp-shadow-cli3 with its Xvfb, xfreerdp3 with its Xvfb; with captures.
"$bin" run -j 6 --capture --results "$work/results" -n server-hostile-clients -n session-baseline \
	-n xrdp-session-tunnel-drop -n shadow-session-firewall-reset -n xfreerdp-mtu-blackhole \
	"$src/scenarios" >"$work/run.log" 2>&1 &
runner=$!
: >"$work/seen"
while kill -0 "$runner" 2>/dev/null; do
	# One listing a look: the processes whose program is one of the lab's.
	# shellcheck disable=SC2012 # ls -l of /proc/*/exe: the link targets, in one process
	ls -l /proc/[0-9]*/exe 2>/dev/null |
		awk '$NF ~ /\/(rdprepro|xrdp|freerdp-shadow-cli3|xfreerdp3|Xvfb|tcpdump)$/ {
			split($(NF-2), p, "/"); print p[3], $NF }' >"$work/look"
	while read -r pid exe; do
		descendant "$pid" "$runner" || continue
		look "$pid" "$exe" >>"$work/seen" || continue
	done <"$work/look"
	sleep 0.1
done
wait "$runner" && rc=0 || rc=$?
runner=
sort -u -o "$work/seen" "$work/seen"

# The runner's own processes (run, its workers) and the shaper stay root by design.
grep -Ev '\| [^|]*rdprepro (run|shaper) ' "$work/seen" >"$work/checked" || true
for kind in 'rdprepro probe' 'rdprepro server' 'rdprepro hostile' xrdp freerdp-shadow-cli3 \
	xfreerdp3 Xvfb tcpdump; do
	if ! grep -q -- "| [^|]*$kind" "$work/checked"; then
		fail "$kind: never seen during the run (run exit $rc)"
		continue
	fi
	# tcpdump starts as root and leaves it (-Z) once its socket is open: its last look counts.
	if [ "$kind" = tcpdump ]; then
		bad=$(grep -- "| [^|]*$kind" "$work/checked" | awk '{print $1}' | sort -u | while read -r p; do
			grep "^$p " "$work/checked" | tail -1 | grep -v 'Uid:[1-9]' || true
		done)
	else
		bad=$(grep -- "| [^|]*$kind" "$work/checked" |
			grep -Ev 'Uid:[1-9][0-9]* .*CapInh:0+ CapPrm:0+ CapEff:0+ CapBnd:0+ CapAmb:0+ NoNewPrivs:1' || true)
	fi
	if [ -n "$bad" ]; then
		fail "$kind: seen with privileges:"
		echo "$bad" | head -5 | sed 's/^/       /'
	else
		ok "$kind: $(grep -c -- "| [^|]*$kind" "$work/checked") process(es), each without root or capability"
	fi
done
# Two labs at once run as two different uids.
uids=$(grep -E '\| [^|]*rdprepro probe' "$work/checked" | grep -o 'Uid:[0-9]*' | sort -u | wc -l)
if [ "$uids" -ge 2 ]; then
	ok "probes of parallel labs ran as $uids different uids"
else
	fail "probes of parallel labs shared one uid ($uids)"
fi
if [ "$rc" = 0 ]; then
	ok "the scenarios passed as before (exit 0)"
else
	fail "the run ended with exit $rc:"
	tail -20 "$work/run.log" | sed 's/^/       /'
fi

# classify as root reads the files it was named, then leaves root before it parses a byte of
# them (strace: the log's open comes before the setresuid to the runs' range). Without strace
# this part is a SKIP line, not a pass.
if command -v strace >/dev/null; then
	log=$src/tests/field-logs/freerdp2-denied-utf16le-outfile.log
	strace -f -qq -o "$work/classify.trace" -e trace=openat,setresuid,capset \
		"$bin" classify "$log" >"$work/classify.out" 2>&1 || true
	opened=$(grep -n "openat(.*${log##*/}" "$work/classify.trace" | head -1 | cut -d: -f1)
	dropped=$(grep -nE 'setresuid\([0-9]+,' "$work/classify.trace" |
		sed -E 's/^([0-9]+):.*setresuid\(([0-9]+),.*/\1 \2/' |
		awk '$2 >= 1879048192 { print $1; exit }')
	if [ -n "$opened" ] && [ -n "$dropped" ] && [ "$opened" -lt "$dropped" ] &&
		grep -q '^verdict: server-denied' "$work/classify.out"; then
		ok "classify: opened the log (trace line $opened), left root (line $dropped), then read it to its verdict"
	else
		fail "classify: opened at trace line ${opened:-never}, left root at ${dropped:-never}:"
		tail -8 "$work/classify.trace" | sed 's/^/       /'
	fi
	# The run's own verdict and reports: the worker reads the probe's record (evidence.json) and
	# writes result.json only after it left root.
	strace -f -qq -o "$work/run.trace" -e trace=openat,setresuid \
		"$bin" run --results "$work/traced" -n baseline "$src/scenarios" >/dev/null 2>&1 || true
	reader=$(grep -E 'openat\(.*"(\./)?evidence.json", O_RDONLY' "$work/run.trace" |
		grep -v O_DIRECTORY | tail -1 | awk '{print $1}')
	if [ -n "$reader" ] &&
		awk -v p="$reader" '$1 == p && /setresuid\(/ { seen = 1 }
			$1 == p && /"(\.\/)?evidence.json", O_RDONLY/ && !/O_DIRECTORY/ { exit !seen }' "$work/run.trace" &&
		grep -q '"status":"PASS"' "$work/traced/baseline/result.json" &&
		[ "$(stat -c %u "$work/traced/baseline/result.json")" = 0 ]; then
		ok "a run's worker read the probe's record after it left root (pid $reader); its folder is root's again"
	else
		fail "a run's worker read the probe's record with root's rights (pid ${reader:-none})"
	fi
	# gnuplot (sweep's pictures) is a language: the process that runs it left root first.
	if command -v gnuplot >/dev/null &&
		"$bin" sweep "$src/scenarios/baseline.scn" --vary loss=0,1 -r 1 --out "$work/sweep" \
			>"$work/sweep.log" 2>&1; then
		strace -f -qq -o "$work/gnuplot.trace" -e trace=execve,execveat,setresuid \
			"$bin" sweep --report --out "$work/sweep" >>"$work/sweep.log" 2>&1 || true
		gp=$(grep -E 'execve(at)?\(.*"[^"]*gnuplot"' "$work/gnuplot.trace" | head -1 | awk '{print $1}')
		if [ -n "$gp" ] && grep -E "^$gp +setresuid\(" "$work/gnuplot.trace" |
			sed -E 's/.*setresuid\(([0-9]+),.*/\1/' | awk '$1 >= 1879048192 { f = 1 } END { exit !f }' &&
			[ -s "$work/sweep/failure-rate.svg" ]; then
			ok "gnuplot: its process (pid $gp) left root before exec, and drew failure-rate.svg"
		else
			fail "gnuplot: not seen leaving root (pid ${gp:-none}):"
			grep -E 'gnuplot|setresuid' "$work/gnuplot.trace" | tail -5 | sed 's/^/       /'
		fi
	else
		echo "[SKIP] gnuplot's rights: gnuplot is not installed, or the sweep did not run"
	fi
else
	echo "[SKIP] classify's and gnuplot's rights: strace is not installed"
fi
hostile_end
