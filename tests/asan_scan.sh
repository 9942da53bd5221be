#!/bin/bash
# asan_scan.sh SRCDIR: the sanitizer-report check of make check-asan (tests/asan_scenario.sh)
# must fail on what it is there to catch. Fixture: the LeakSanitizer report of the server in
# scenario bad-credentials (FreeRDP 3.10.3's NTLM MIC leak, a known one).
set -u
src=$1
scan=$src/tests/asan_scenario.sh
fixture=$src/tests/asan/fixtures/ntlm-mic-leak.log
tmp=$(mktemp -d /tmp/rdprepro-asanscan.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fail=0

expect() { # expect RC WHAT: run the scan over $tmp/r, compare its exit status
	local want=$1 what=$2 got
	"$scan" - "$src" "$tmp/r" >"$tmp/out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then
		echo "[ OK ] $what (exit $got)"
	else
		echo "[FAIL] $what: exit $got, expected $want"
		cat "$tmp/out"
		fail=1
	fi
}
case_dir() { rm -rf "$tmp/r" && mkdir -p "$tmp/r/s/s"; }

case_dir
echo "clean log" >"$tmp/r/s/s/server.log"
expect 0 "no report"

case_dir
sed 's/0x8a083/0x8a084/' "$fixture" >"$tmp/r/s/s/server.log"
expect 1 "a leak not in known-leaks.txt"

case_dir
printf 'harness/x.c:1:2: runtime error: signed integer overflow\n' >"$tmp/r/s/s/probe.log"
expect 1 "a UBSan runtime error"

case_dir
printf '==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x1\n' >"$tmp/r/s/s/engine-to-server.log"
expect 1 "an ASan error"

id=$(awk '!/^#/ && NF { print $2; exit }' "$src/tests/asan/known-leaks.txt")
have=$(readelf -n /lib/x86_64-linux-gnu/libwinpr3.so.3 2>/dev/null | sed -n 's/.*Build ID: *//p')
if [ "$id" = "$have" ]; then
	case_dir
	cp "$fixture" "$tmp/r/s/s/server.log"
	expect 0 "FreeRDP's known leak, on the library it was attributed on"
else
	case_dir
	cp "$fixture" "$tmp/r/s/s/server.log"
	expect 1 "the known leak on another libwinpr3 build ($have): to be attributed again"
fi
exit $fail
