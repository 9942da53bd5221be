#!/bin/bash
# Inputs a stranger wrote (issue 29, items 6-10): `classify` reads a regular file or `-` up to
# its bound and refuses the rest without blocking; it reads UTF-16 as PowerShell and Notepad
# write it; `reproduce --out` writes only into a directory it made (its marker in it), and what
# it takes from a log (a /timeout:, a 4 KB path, newlines and `[client]` in a file's name)
# makes scenarios of the format's ranges that parse.
#
#   input --> classify: exit 0 (a verdict) | exit 2 (the reason)   within `timeout 10`
#   log --> reproduce --no-run --out DIR --> DIR/scenarios/*.scn --> run --list: they parse
#
# Usage: inputs.sh RDPREPRO SRC BUILD. Needs neither root nor namespaces (reproduce --no-run).
set -eu
bin=$1 src=$2
# shellcheck source=tests/hostile/common.inc
. "$src/tests/hostile/common.inc"

export LC_ALL=C # lengths in bytes, as the kernel and the scenario counts them
work=$(mktemp -d /tmp/rdprepro-test-inputs.XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/../on_signal.sh"
logs=$src/tests/field-logs
denied=$logs/freerdp2-denied.log # verdict: server-denied
bound=$((64 * 1024 * 1024))      # RP_FIELDLOG_MAX (fieldlog.h), in classify --help

# verdict_is NAME OUT RC CAUSE: exit 0 and "verdict: CAUSE (" in OUT.
verdict_is() {
	local name=$1 out=$2 rc=$3 want=$4
	if [ "$rc" = 0 ] && grep -q "^verdict: $want (" "$out"; then
		ok "$name: verdict $want, $(grep -m1 '^read as' "$out")"
	else
		fail "$name: exit $rc, wanted verdict $want:"
		sed 's/^/       /' "$out" | head -12
	fi
}

# listing DIR: every entry with its type, size and mtime, to compare before and after.
listing() {
	find "$1" -printf '%y %s %T@ %p\n' | sort
}

# ---- classify: what it reads, what it refuses ----

mkfifo "$work/fifo"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify "$work/fifo")
expect_refused "classify a FIFO (no writer: it must not wait for one)" "$rc" "$work/out" \
	'fifo: not a regular file \(a FIFO\): refused'
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify /dev/zero)
expect_refused "classify /dev/zero" "$rc" "$work/out" 'a character device\): refused'
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify "$work")
expect_refused "classify a directory" "$rc" "$work/out" 'a directory\): refused'
# bash makes no socket; one the system has will do.
sock=$(find /run /dev /tmp -maxdepth 3 -type s 2>/dev/null | head -n1) || true
if [ -n "$sock" ]; then
	rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify "$sock")
	expect_refused "classify a socket ($sock)" "$rc" "$work/out" 'a socket\): refused'
else
	echo "[SKIP] classify a socket: none under /run, /dev or /tmp, and bash cannot make one"
fi
truncate -s $((bound + 1)) "$work/sparse.log"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify "$work/sparse.log")
expect_refused "classify a file one byte over the bound (sparse)" "$rc" "$work/out" \
	"$((bound + 1)) bytes, more than the $bound this reads: refused"
rc=0
timeout 10 "$bin" classify - <"$denied" >"$work/out" 2>&1 || rc=$?
verdict_is "classify - (a log on standard input)" "$work/out" "$rc" server-denied
grep -q '^standard input: ' "$work/out" ||
	fail "classify -: the report does not name standard input"
rc=0
head -c $((bound + 1)) /dev/zero | timeout 20 "$bin" classify - >"$work/out" 2>&1 || rc=$?
expect_refused "classify - with one byte over the bound" "$rc" "$work/out" \
	"standard input: more than the $bound bytes this reads: refused"
rc=0
timeout 10 "$bin" classify - </dev/null >"$work/out" 2>&1 || rc=$?
expect_refused "classify - with nothing on standard input" "$rc" "$work/out" 'standard input: empty'

# The encodings a Windows user hands over, and NUL bytes in UTF-8: the same verdict.
{
	printf '\xff\xfe'
	sed 's/$/\r/' "$denied" | iconv -f UTF-8 -t UTF-16LE
} >"$work/le-bom.log"
iconv -f UTF-8 -t UTF-16BE "$denied" >"$work/be.log"
{
	printf '\xef\xbb\xbf'
	cat "$denied"
} >"$work/u8-bom.log"
{
	head -c 4096 /dev/zero
	sed 's/$/\x00/' "$denied"
} >"$work/nul.log"
for f in le-bom:'UTF-16LE \(BOM\)' be:'UTF-16BE \(no BOM\)' u8-bom:'UTF-8 \(BOM\)' \
	nul:'UTF-8, [0-9]+ bytes, [0-9]+ NUL bytes dropped'; do
	name=${f%%:*} enc=${f#*:}
	rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" classify "$work/$name.log")
	verdict_is "classify $name.log" "$work/out" "$rc" server-denied
	grep -Eq "^read as $enc" "$work/out" || fail "classify $name.log: no \"read as $enc\" line"
done

# ---- reproduce --out: only a directory it made ----

# A copy of the repository's scenarios: files, no marker. Nothing may go.
cp -a "$src/scenarios" "$work/copy"
before=$(listing "$work/copy")
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/copy" --no-run)
not_ours='exists and was not made by rdprepro reproduce'
expect_refused "reproduce --out a directory it did not make" "$rc" "$work/out" \
	"--out $work/copy: $not_ours \(no .rdprepro-reproduce in it\): refused; name a new directory"
if [ "$before" = "$(listing "$work/copy")" ]; then
	n=$(find "$work/copy" -type f | wc -l)
	ok "reproduce --out a directory it did not make: its $n files as they were"
else
	fail "reproduce --out a directory it did not make: it changed"
	diff <(echo "$before") <(listing "$work/copy") | head -10
fi
# Without the marker, even when the run's own names are there.
mkdir -p "$work/lookalike/scenarios" "$work/lookalike/runs"
touch "$work/lookalike/scenarios/keep.scn" "$work/lookalike/run.log"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/lookalike" --no-run)
expect_refused "reproduce --out a directory with scenarios/ and runs/ but no marker" "$rc" \
	"$work/out" 'no .rdprepro-reproduce in it'
if [ ! -f "$work/lookalike/scenarios/keep.scn" ] || [ ! -f "$work/lookalike/run.log" ]; then
	fail "reproduce --out a lookalike directory: its files went"
fi
# A symlink to a directory it made: refused, the target untouched.
mkdir "$work/target"
ln -s "$work/target" "$work/link"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/link" --no-run)
expect_refused "reproduce --out a symlink" "$rc" "$work/out" \
	"$not_ours \(a symlink\)"
[ -z "$(ls -A "$work/target")" ] || fail "reproduce --out a symlink: wrote into its target"
# A file.
echo precious >"$work/file"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/file" --no-run)
expect_refused "reproduce --out a file" "$rc" "$work/out" 'not a directory'
[ "$(cat "$work/file")" = precious ] || fail "reproduce --out a file: it changed"
# A marker that is a symlink is no marker.
mkdir "$work/fake"
ln -s "$work/file" "$work/fake/.rdprepro-reproduce"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/fake" --no-run)
expect_refused "reproduce --out a directory whose marker is a symlink" "$rc" "$work/out" \
	'a symlink of that name'
# An unreadable log refused before the directory is made.
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$work/fifo" --out "$work/never" --no-run)
expect_refused "reproduce of a FIFO" "$rc" "$work/out" 'a FIFO'
[ ! -e "$work/never" ] || fail "reproduce of a FIFO: made --out all the same"

# A fresh directory: made, with its marker; again onto it: its own entries replaced.
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/fresh/deep" --no-run)
if [ "$rc" = 0 ] && [ -f "$work/fresh/deep/.rdprepro-reproduce" ] &&
	[ -f "$work/fresh/deep/scenarios/server-denied.scn" ] &&
	[ -f "$work/fresh/deep/plan.txt" ]; then
	ok "reproduce --out a new directory: made, marker \"$(head -c 40 \
		"$work/fresh/deep/.rdprepro-reproduce")...\""
else
	fail "reproduce --out a new directory: exit $rc"
	sed 's/^/       /' "$work/out" | head -10
fi
touch "$work/fresh/deep/scenarios/stale.scn" "$work/fresh/deep/mine.txt"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/fresh/deep" --no-run)
if [ "$rc" = 0 ] && [ ! -e "$work/fresh/deep/scenarios/stale.scn" ] &&
	[ -f "$work/fresh/deep/mine.txt" ]; then
	ok "reproduce --out its own directory again: scenarios/ replaced, a file of the user's kept"
else
	fail "reproduce --out its own directory again: exit $rc"
	sed 's/^/       /' "$work/out" | head -10
fi
chmod go+w "$work/fresh/deep"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$denied" --out "$work/fresh/deep" --no-run)
expect_refused "reproduce --out its own directory made writable by others" "$rc" "$work/out" \
	'writable by group or others'
chmod go-w "$work/fresh/deep"

# ---- reproduce: what it takes from a log ----

# An activation timeout (six candidates) from a client started with a day's /timeout:.
{
	echo '$ xfreerdp /v:rdp.example.com /sec:tls /timeout:86000000'
	cat "$logs/freerdp2-activation-timeout.log"
} >"$work/day.log"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$work/day.log" --out "$work/day" --no-run)
n=$(find "$work/day/scenarios" -name '*.scn' 2>/dev/null | wc -l)
scns=("$work/day/scenarios"/*.scn)
clamped="the log's /timeout:86000000 clamped to the format's maximum 600000 ms"
if [ "$rc" = 0 ] && [ "$n" -ge 6 ] && ! grep -h '^args' "${scns[@]}" | grep -q 86000000 &&
	[ "$(grep -l '^args = .*/timeout:600000' "${scns[@]}" | wc -l)" = "$n" ] &&
	grep -q "clamped: $clamped" "$work/out" &&
	[ "$(grep -l "^# $clamped" "${scns[@]}" | wc -l)" = "$n" ]; then
	deadlines=$(sed -n 's/^deadline = //p' "${scns[@]}" | sort -u | tr '\n' ' ')
	ok "a log's /timeout:86000000: $n scenarios, /timeout:600000, deadlines $deadlines(each says)"
else
	fail "a log's /timeout:86000000: exit $rc, $n scenarios:"
	grep -h '^args\|^deadline\|^# the log' "$work/day/scenarios"/*.scn 2>/dev/null | sort | uniq -c
fi
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" run --list "$work/day/scenarios")
if [ "$rc" = 0 ]; then
	ok "a log's /timeout:86000000: its scenarios parse (run --list)"
else
	fail "a log's /timeout:86000000: run --list exit $rc: $(head -3 "$work/out")"
fi

# A path of 4 KB, with a newline, `[client]`, `key = value`, `;`, `#` and a character of
# three bytes cut where the field ends.
deep=$work/p
while [ ${#deep} -lt 3800 ]; do deep=$deep/$(printf '%0200d' 0 | tr 0 d)é; done
mkdir -p "$deep"
name=$'a log ;#1\n[client]\nargs = evil\n\x1b[31m€€€.log'
cp "$denied" "$deep/$name"
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" reproduce "$deep/$name" --out "$work/long" --no-run)
if [ "$rc" = 0 ] && [ -f "$work/long/scenarios/server-denied.scn" ]; then
	ok "a path of ${#deep} bytes with a newline and [client] in it: written"
else
	fail "a path of ${#deep} bytes: exit $rc"
	sed 's/^/       /' "$work/out" | head -10
fi
rc=$(RUN_TIMEOUT=10 run_rc "$work/out" "$bin" run --list "$work/long/scenarios")
if [ "$rc" = 0 ] && grep -q '^server-denied$' "$work/out"; then
	ok "a path of ${#deep} bytes: the scenario parses (run --list)"
else
	fail "a path of ${#deep} bytes: run --list exit $rc:"
	sed 's/^/       /' "$work/out" | head -5
fi
scn=$work/long/scenarios/server-denied.scn
if [ "$(grep -c '^\[client\]' "$scn")" = 1 ] && [ "$(grep -c '^args' "$scn")" = 1 ] &&
	! grep -q $'\x1b' "$scn" && ! grep -q '^args = evil' "$scn"; then
	ok "a path with [client] and args = in it: one [client], one args, no escape in the file"
else
	fail "a path with [client] and args = in it: the scenario holds more:"
	grep -n '^\[client\]\|^args\|timeout' "$scn" | head
fi
hostile_end
