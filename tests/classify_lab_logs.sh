#!/bin/bash
# classify_lab_logs.sh: `rdprepro classify` on the FreeRDP debug logs the lab's own runs
# produce (run --freerdp-log DEBUG). A log holds less than the lab's evidence record, so a
# log's verdict must be the scenario's cause, or name it as not ruled out, or be
# "undetermined" with it among the candidates: never another cause with nothing said.
#
# Usage: classify_lab_logs.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
SRC=$2
WORK=$(mktemp -d /tmp/rdprepro-labLogs.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] classify_lab_logs: needs root (network namespaces)"
	exit 77
fi
names="baseline server-denied bad-credentials port-closed port-filtered firewall-reset-tls mtu-blackhole tunnel-drop"
args=()
for n in $names; do args+=(-n "$n"); done
"$RDPREPRO" run --freerdp-log DEBUG --results "$WORK" "${args[@]}" "$SRC/scenarios" >/dev/null
passes=0
fails=0
for n in $names; do
	want=$(sed -n 's/^verdict *= *//p' "$SRC/scenarios/$n.scn")
	out=$("$RDPREPRO" classify "$WORK/$n/probe.log")
	got=$(echo "$out" | sed -n 's/^verdict: \([a-z-]*\) .*/\1/p')
	how=
	if [ "$got" = "$want" ]; then
		how="the same cause"
	elif echo "$out" | grep -q "^  not ruled out: $want:"; then
		how="$got, with $want not ruled out"
	elif [ "$got" = undetermined ] && echo "$out" | grep "^  candidates:" | grep -qw -- "$want"; then
		how="undetermined, $want among the candidates"
	fi
	lines=$(wc -l <"$WORK/$n/probe.log")
	if [ -n "$how" ]; then
		passes=$((passes + 1))
		echo "[ OK ] $n ($lines log lines): $how"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s: the scenario is %s, the log says:\n%s\n' "$n" "$want" "$out"
	fi
done
printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
