#!/bin/bash
# field_logs.sh: `rdprepro classify` on hand-written field reports in tests/field-logs/: FreeRDP
# 2.x and 3.x style logs and Windows RDP client events. Each NAME.expect says what must come
# out: "verdict: CAUSE", and optionally "candidates: ..." (all of them listed) and "not ruled
# out: CAUSE"; or "error: TEXT" for input that must be refused with exit 2.
#
# Usage: field_logs.sh RDPREPRO SOURCE_DIR
set -eu

RDPREPRO=$1
DIR="$2/tests/field-logs"
passes=0
fails=0

for expect in "$DIR"/*.expect; do
	base=${expect%.expect}
	input=
	for f in "$base".*; do
		case "$f" in
		*.expect) ;;
		*) input=$f ;;
		esac
	done
	rc=0
	out=$("$RDPREPRO" classify "$input" 2>&1) || rc=$?
	ok=1
	while IFS= read -r want; do
		case "$want" in
		"verdict: "*)
			echo "$out" | grep -q "^verdict: ${want#verdict: } (" || ok=0
			[ "$rc" = 0 ] || ok=0
			;;
		"candidates: "*)
			for c in ${want#candidates: }; do
				echo "$out" | grep "^  candidates:" | grep -qw -- "$c" || ok=0
			done
			;;
		"not ruled out: "*)
			echo "$out" | grep -q "^  not ruled out: ${want#not ruled out: }:" || ok=0
			;;
		"error: "*)
			[ "$rc" = 2 ] && echo "$out" | grep -qF -- "${want#error: }" || ok=0
			;;
		esac
	done <"$expect"
	if [ "$ok" = 1 ]; then
		passes=$((passes + 1))
		echo "[ OK ] ${base##*/}"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s: want\n%s\ngot (exit %s)\n%s\n' "${base##*/}" "$(cat "$expect")" "$rc" "$out"
	fi
done
printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
