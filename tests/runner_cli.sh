#!/bin/bash
# `ok` never fails, so "A && ok || fail" is an if-then-else in this file.
# shellcheck disable=SC2015
# runner_cli.sh: the runner's command line, without a lab (no root needed):
#  - every malformed scenario in tests/bad-scenarios gets its own file:line error on stderr
#    and exit 2, and nothing runs;
#  - shards partition the selection: every scenario in exactly one of N shards;
#  - -n and -k select; bad options exit 2 and quote the bad value (the lab server's number
#    options too).
#
# Usage: runner_cli.sh RDPREPRO SOURCE_DIR
set -eu

RDPREPRO=$1
SRC=$2
WORK=$(mktemp -d /tmp/rdprepro-cli-test.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fails=0
passes=0

ok() { passes=$((passes + 1)); }
fail() { printf '[FAIL] %s\n' "$*"; fails=$((fails + 1)); }

# 1. The malformed corpus: exact message, exit 2, no result folder made.
for f in "$SRC"/tests/bad-scenarios/*.scn; do
	want="$f$(sed -n '1s/^# expect: //p' "$f")"
	rc=0
	"$RDPREPRO" run --results "$WORK/results" "$f" >"$WORK/out" 2>"$WORK/err" || rc=$?
	got=$(cat "$WORK/err")
	if [ "$rc" != 2 ]; then
		fail "$f: exit $rc, want 2"
	elif [ "$got" != "$want" ]; then
		fail "$f: got \"$got\", want \"$want\""
	elif [ -e "$WORK/results" ]; then
		fail "$f: a result folder was made: something ran"
	else
		ok
	fi
done
n_bad=$(find "$SRC/tests/bad-scenarios" -name '*.scn' | wc -l)
[ "$n_bad" -ge 20 ] && ok || fail "only $n_bad malformed scenarios (want at least 20)"

# A bad file among good ones stops the whole suite before anything runs.
mkdir -p "$WORK/mixed"
cp "$SRC/scenarios/baseline.scn" "$SRC/tests/bad-scenarios/unknown-key.scn" "$WORK/mixed/"
rc=0
"$RDPREPRO" run --results "$WORK/results" "$WORK/mixed" >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" = 2 ] && grep -q 'unknown-key.scn:6: unknown key "los"' "$WORK/err" && [ ! -e "$WORK/results" ] &&
	ok || fail "a bad file among good ones: exit $rc"

# 2. Shards: 1/N..N/N cover the selection exactly once, for several N.
"$RDPREPRO" run --list "$SRC/scenarios" | sort >"$WORK/all"
for n in 1 2 3 7; do
	: >"$WORK/union"
	for i in $(seq 1 "$n"); do
		"$RDPREPRO" run --list --shard "$i/$n" "$SRC/scenarios" >>"$WORK/union"
	done
	if sort "$WORK/union" | cmp -s - "$WORK/all" && [ -z "$(sort "$WORK/union" | uniq -d)" ]; then
		ok
	else
		fail "--shard I/$n does not partition the catalog"
	fi
done

# 3. Selection.
[ "$("$RDPREPRO" run --list -n baseline "$SRC/scenarios")" = baseline ] && ok || fail "-n baseline"
[ "$("$RDPREPRO" run --list -n 'port-*' "$SRC/scenarios" | wc -l)" = 2 ] && ok || fail "-n 'port-*'"
[ "$("$RDPREPRO" run --list -k smoke "$SRC/scenarios")" = baseline ] && ok || fail "-k smoke"
# Every scenario -k control selects says "control" in its keywords, and there are several.
n_ctl=0
for name in $("$RDPREPRO" run --list -k control "$SRC/scenarios"); do
	grep -q '^keywords *=.*control' "$SRC/scenarios/$name.scn" && n_ctl=$((n_ctl + 1)) || n_ctl=-999
done
[ "$n_ctl" -ge 2 ] && ok || fail "-k control: $n_ctl"
rc=0
"$RDPREPRO" run --list -k no-such-keyword "$SRC/scenarios" >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] && ok || fail "an empty selection: exit $rc, want 2"

# 4. Bad options: exit 2 and the bad value quoted.
check_usage() {
	local want=$1 rc=0
	shift
	"$RDPREPRO" run "$@" >/dev/null 2>"$WORK/err" || rc=$?
	if [ "$rc" = 2 ] && grep -qF -- "$want" "$WORK/err"; then
		ok
	else
		fail "run $*: exit $rc, stderr: $(cat "$WORK/err")"
	fi
}
check_usage 'bad number "0"' --jobs 0 "$SRC/scenarios"
check_usage 'bad shard "3/2"' --shard 3/2 "$SRC/scenarios"
check_usage 'bad shard "x"' --shard x "$SRC/scenarios"
check_usage 'bad number "many"' --repeat many "$SRC/scenarios"
check_usage 'No such file or directory' "$WORK/nope.scn"
check_usage 'usage: rdprepro run' --bogus
# A guest's labs end with the guest: --keep cannot keep one (nothing is booted to find out).
check_usage "a guest's labs end with the guest" --vm --keep --results "$WORK/keep" "$SRC/scenarios/baseline.scn"
# The lab server's number options (a user may run `rdprepro server` by hand): a word that is not
# a number in its range is refused with the option's name and exit 2, before anything listens.
check_server() {
	local want=$1 rc=0
	shift
	"$RDPREPRO" server --addr 198.18.0.1 --cert "$WORK/x" --key "$WORK/x" --sam "$WORK/x" "$@" \
		>/dev/null 2>"$WORK/err" || rc=$?
	if [ "$rc" = 2 ] && grep -qF -- "$want" "$WORK/err"; then
		ok
	else
		fail "server $*: exit $rc, stderr: $(cat "$WORK/err")"
	fi
}
check_server '--pause-ms: "abc" is not a number from 0 to 86400000' --pause-ms abc
check_server '--error-after: "5s" is not a number' --error-after 5s
check_server '--desktop-every: "0" is not a number from 1' --desktop-every 0
check_server '--heartbeat: "0" is not a number from 1 to 255' --heartbeat 0
check_server '--heartbeat: "256"' --heartbeat 256
check_server '--error-info: "0x100000000" is not a number from 0 to 4294967295' --error-info 0x100000000
check_server '--error-info: "7x"' --error-info 7x
check_server '--port: "65536"' --port 65536
rc=0
"$RDPREPRO" frobnicate >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" = 2 ] && grep -q 'what is "frobnicate"' "$WORK/err" && ok || fail "unknown command: exit $rc"

printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
