#!/bin/bash
# tests/check.sh BUILD JOBS: `make check`. CTest over every test (ctest --output-on-failure -j
# JOBS, in BUILD); when a test fails, what it left is kept where the next person can read it
# (issue 37: a red run that scrolled away, or whose LastTestsFailed.log the next run overwrote,
# says nothing):
#
#   BUILD/failed/<time>/LastTest.log          CTest's whole log of the run
#   BUILD/failed/<time>/<test>.log            each failed test's own output
#   BUILD/failed/<time>/<test>/               a scenario test's result folder (ctest-results)
#
# and the last lines name that folder and show the end of each failed test's output, so that
# CI's log ends with why it is red. Exit: CTest's.
set -u
build=${1:?usage: check.sh BUILD JOBS}
jobs=${2:?usage: check.sh BUILD JOBS}
cd "$build" || exit 2
rc=0
ctest --output-on-failure -j "$jobs" || rc=$?
[ "$rc" = 0 ] && exit 0

failed=Testing/Temporary/LastTestsFailed.log
keep=failed/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$keep"
cp Testing/Temporary/LastTest.log "$keep/" 2>/dev/null
names=$(cut -d: -f2- "$failed" 2>/dev/null)
for t in $names; do
	# The test's own output, as CTest logged it: from its "Output:" to "<end of output>".
	awk -v t="$t" '
		$0 ~ "^[0-9]+/[0-9]+ Test: " t "$" { on = 1; next }
		on && /^<end of output>/ { exit }
		on && out { print }
		on && /^-+$/ && !out { out = 1 }' Testing/Temporary/LastTest.log >"$keep/$t.log"
	case $t in
	scenario_*) [ -d "ctest-results/${t#scenario_}" ] && cp -a "ctest-results/${t#scenario_}" "$keep/$t" ;;
	esac
done
echo
echo "make check: $(echo "$names" | wc -w) test(s) failed; what they left: $PWD/$keep"
for t in $names; do
	echo "---- $t (the end of its output; all of it in $keep/$t.log)"
	tail -n 25 "$keep/$t.log"
done
exit "$rc"
