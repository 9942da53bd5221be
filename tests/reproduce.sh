#!/bin/bash
# reproduce.sh: `rdprepro reproduce` on field logs of different causes from tests/field-logs/
# (ones the lab makes in about a second), a Windows event and a UTF-16 copy among them: the best
# match's cause must be the one the field log's verdict names, and its best.scn must run with
# `rdprepro run` to that verdict. Input nothing can be read from is exit 2 with the file named.
#
#   field log -> reproduce: scenarios per candidate -> labs (DEBUG client logs) -> compared
#             -> best.scn -> run again: the same verdict
#
# Usage: reproduce.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
SRC=$2
WORK=$(mktemp -d /tmp/rdprepro-reproduce.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
passes=0
fails=0

ok() {
	passes=$((passes + 1))
	echo "[ OK ] $*"
}

fail() {
	fails=$((fails + 1))
	echo "[FAIL] $*"
}

# bad_input NAME FILE WANT: exit 2, and stderr names FILE and says WANT.
bad_input() {
	local name=$1 file=$2 want=$3 rc=0 err
	err=$("$RDPREPRO" reproduce "$file" --out "$WORK/bad" 2>&1 >/dev/null) || rc=$?
	if [ "$rc" = 2 ] && [[ "$err" == *"$file"* ]] && [[ "$err" == *"$want"* ]]; then
		ok "bad input, $name: exit 2: $err"
	else
		fail "bad input, $name: exit $rc, wanted 2 naming $file with \"$want\": $err"
	fi
}

bad_input "a missing file" "$WORK/no-such.log" "No such file"
: >"$WORK/empty.log"
bad_input "an empty file" "$WORK/empty.log" "nothing could be read from"
printf '\x01\x02garbage\xff\xfe\nmore of it\n' >"$WORK/garbage.log"
bad_input "garbage" "$WORK/garbage.log" "nothing could be read from"

if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] reproduce: the lab part needs root (network namespaces)"
	exit 77
fi

# try LOG CAUSE: reproduce LOG; the best match must be CAUSE and reproduce it; best.scn runs to
# CAUSE.
try() {
	local log=$1 want=$2 out="$WORK/${1##*/}" rc=0 t0 t1 best got rank
	t0=$(date +%s.%N)
	"$RDPREPRO" reproduce "$SRC/tests/field-logs/$log" --out "$out" >"$WORK/out.txt" 2>&1 || rc=$?
	t1=$(date +%s.%N)
	best=$(sed -n 's/^best: .* (\([a-z-]*\), .*/\1/p' "$WORK/out.txt")
	rank=$(awk -v w="$want" '$2 == w && $1 ~ /^[0-9]+$/ { print $1 }' "$WORK/out.txt")
	if [ "$rc" != 0 ] || [ "$best" != "$want" ] || [ ! -s "$out/best.scn" ] || [ ! -s "$out/matches.json" ]; then
		fail "$log: exit $rc, best \"$best\", wanted $want:"
		cat "$WORK/out.txt"
		return
	fi
	ok "$log: best match $best (rank ${rank:-?} of $(grep -c '^ *[0-9]\+  ' "$WORK/out.txt")), $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
	rc=0
	"$RDPREPRO" run --results "$out/again" "$out/best.scn" >"$WORK/again.txt" 2>&1 || rc=$?
	got=$(awk '$1 == "best" && $2 ~ /^[0-9]+$/ { print $3 }' "$WORK/again.txt")
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then
		ok "$log: best.scn runs to $want"
	else
		fail "$log: best.scn ran to \"$got\" (exit $rc), wanted $want"
		cat "$WORK/again.txt"
	fi
}

try freerdp2-denied.log server-denied
try freerdp2-refused.log port-closed
# The same denial as Windows PowerShell 5.1's Out-File writes it (UTF-16LE, BOM, CRLF).
try freerdp2-denied-utf16le-outfile.log server-denied
try windows-1026-260.xml dns-failure

printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
