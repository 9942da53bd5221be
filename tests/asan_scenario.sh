#!/bin/bash
# asan_scenario.sh RDPREPRO SRCDIR RESULTS SCENARIO
# asan_scenario.sh - SRCDIR RESULTS     (read RESULTS' logs only)
#
# A scenario in the sanitizer build (make check-asan): runs it, then reads every log its run
# left (server, probe, engine, peers) for a sanitizer report. Any AddressSanitizer error or
# UBSan "runtime error" fails the test. A LeakSanitizer report fails it too, unless every leak
# in it matches an entry of tests/asan/known-leaks.txt: a leak shown to be FreeRDP's own,
# recorded with the build id of the library it was measured on (another build of the library
# must be attributed again, so it fails until it is).
set -u
rdprepro=$1 src=$2 results=$3 scn=${4:-}
known=$src/tests/asan/known-leaks.txt

# RDPREPRO "-": read RESULTS only (tests/asan_scan.sh checks the reading itself).
rc=0
if [ "$rdprepro" != - ]; then
	# Only this run's logs are read.
	rm -rf "$results"
	"$rdprepro" run --jobs 1 --skip-code 77 --results "$results" "$scn"
	rc=$?
	[ "$rc" = 77 ] && exit 77
fi

# The build ids of the libraries a known leak may name.
build_id() {
	readelf -n "$1" 2>/dev/null | sed -n 's/.*Build ID: *//p'
}

# One line per leak: "Direct|Indirect SIZE frame1 frame2 ..." (module+offset or function).
leaks_of() {
	awk '
		/^(Direct|Indirect) leak of/ { if (kind != "") print kind, size, frames; kind = $1; size = $4; frames = ""; next }
		kind != "" && /^    #[0-9]+ / {
			if ($1 == "#0") next
			f = $0
			if (match(f, /\(([^()]*\/)?[^()\/]+\+0x[0-9a-f]+\)/)) {
				f = substr(f, RSTART + 1, RLENGTH - 2); sub(/.*\//, "", f)
			} else { split(f, w, " "); f = w[4] }
			frames = frames " " f; next
		}
		kind != "" && /^$/ { print kind, size, frames; kind = "" }
		END { if (kind != "") print kind, size, frames }
	' "$1"
}

# Is this leak (its frames) one of the known ones? An entry: LIBRARY BUILD-ID FRAME1 FRAME2-SET
# where FRAME2-SET is a comma-separated list; the leak matches when its first frame is FRAME1
# and its second one of FRAME2-SET, and the installed library has BUILD-ID.
is_known() {
	local f1=$1 f2=$2 lib id a b
	[ -f "$known" ] || return 1
	while read -r lib id a b _; do
		case $lib in '#'* | '') continue ;; esac
		[ "$f1" = "$a" ] || continue
		case ",$b," in *",$f2,"*) ;; *) continue ;; esac
		[ "$(build_id "/lib/x86_64-linux-gnu/$lib")" = "$id" ] && return 0
	done <"$known"
	return 1
}

bad=0
known_n=0
while IFS= read -r -d '' log; do
	if grep -qE 'ERROR: AddressSanitizer|runtime error:' "$log"; then
		echo "[FAIL] sanitizer error in $log:"
		grep -E -m 5 -A 12 'ERROR: AddressSanitizer|runtime error:' "$log"
		bad=1
	fi
	grep -q 'ERROR: LeakSanitizer' "$log" || continue
	unknown=0
	while read -r kind size f1 f2 _; do
		if is_known "$f1" "$f2"; then
			known_n=$((known_n + 1))
		else
			echo "[FAIL] leak in $log: $kind $size bytes from $f1 <- $f2"
			unknown=1
		fi
	done < <(leaks_of "$log")
	if [ "$unknown" = 1 ]; then
		bad=1
		echo "       the report (its first 120 lines):"
		sed -n '/ERROR: LeakSanitizer/,/^SUMMARY/p' "$log" | head -n 120
	fi
done < <(find "$results" -type f \( -name '*.log' -o -name '*.txt' \) -print0)

[ "$known_n" -gt 0 ] && echo "[ OK ] $known_n known FreeRDP leak(s) ignored (tests/asan/known-leaks.txt)"
[ "$bad" = 0 ] || exit 1
exit "$rc"
