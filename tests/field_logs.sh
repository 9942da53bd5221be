#!/bin/bash
# field_logs.sh: `rdprepro classify` on the field-report corpus in tests/field-logs/.
#
# Two kinds of NAME.expect:
# - hand-written cases: "verdict: CAUSE" (exactly), optionally "candidates: ..." (all of them
#   listed) and "not ruled out: CAUSE"; or "error: TEXT" for input refused with exit 2;
#   "format: TEXT": a text the output holds (e.g. "read as UTF-16LE (BOM)" for a copy of a log
#   as Windows PowerShell 5.1's Out-File writes it); "note:" lines are for people;
# - public reports: "source:" (the thread), "established:" (the cause that thread found),
#   "decoys:", "cause: NAME" (ours, or unknown / client-bug when the thread's cause is none
#   of ours) and "acceptable: NAMES". A verdict is acceptable when it is the cause or in the
#   acceptable list, or is undetermined naming the cause among its candidates (or, for a
#   cause that is none of ours, undetermined at all). It is confidently wrong when it names
#   any other cause: that fails the test. Undetermined without the cause is a miss, a report
#   refused as unreadable is unread: both counted, neither fails (the corpus scores the reader;
#   only a confidently wrong verdict is a defect). "family:" names the client or channel that
#   wrote it (default: the file name's first word).
#
# The held-out part (issue 31), fixed before any rule was written against the reports it
# holds: a public report is in the learn part when its source is listed in LEARNED (the threads
# the rules were written against before the split) or when the sha256 of its source line's URL
# starts with a-f; every other one (0-9: 10 in 16) is held out. The score is printed per part
# and family. Nobody moves a report between parts: the URL decides.
# Every "next:" line printed is run with --list appended: it must run as printed.
# The score is printed per source (the file name's first word: freerdp, remmina, guacd, ...).
#
# Usage: field_logs.sh RDPREPRO SOURCE_DIR
set -eu

RDPREPRO=$1
DIR="$2/tests/field-logs"
passes=0
fails=0
declare -A total=() accepted=() wrong=() missed=() unread=()
commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"

for expect in "$DIR"/*.expect; do
	base=${expect%.expect}
	name=${base##*/}
	input=
	for f in "$base".*; do
		case "$f" in
		*.expect) ;;
		*) input=$f ;;
		esac
	done
	if [ -z "$input" ]; then
		echo "[FAIL] $name: no input beside $expect"
		fails=$((fails + 1))
		continue
	fi
	rc=0
	out=$("$RDPREPRO" classify "$input" 2>&1) || rc=$?
	echo "$out" | sed -n '/^  next:/,/^[^ ]/p' | grep '^    /' | sed 's/   # .*//' >>"$commands" || true
	ok=1
	why=
	cause=$(sed -n 's/^cause: *//p' "$expect")
	if [ -n "$cause" ]; then
		src=$(sed -n 's/^family: *//p' "$expect")
		if [ -z "$src" ]; then
			src=${name%%-*}
			case "$src" in freerdp* | xfreerdp*) src=freerdp ;; guac*) src=guacd ;; esac
		fi
		url=$(sed -n 's/^source: *//p' "$expect")
		if grep -qxF -- "$url" "$DIR/LEARNED"; then
			part=learn
		else
			case $(printf '%s' "$url" | sha256sum) in
			[a-f]*) part=learn ;;
			*) part=held-out ;;
			esac
		fi
		src="$part $src"
		total["$part all"]=$((${total["$part all"]:-0} + 1))
		total[$src]=$((${total[$src]:-0} + 1))
		verdict=$(echo "$out" | sed -n 's/^verdict: \([a-z-]*\) (.*/\1/p')
		cands=" $(echo "$out" | sed -n 's/^  candidates: *//p') "
		accept=" $cause $(sed -n 's/^acceptable: *//p' "$expect" | tr ',' ' ') "
		ours=1
		case "$cause" in unknown | client-bug) ours=0 ;; esac
		if [ "$rc" != 0 ] || [ -z "$verdict" ]; then
			unread[$src]=$((${unread[$src]:-0} + 1))
			unread["$part all"]=$((${unread["$part all"]:-0} + 1))
			# A held-out report's text stays unread by whoever writes rules: its name only.
			if [ "$part" = learn ]; then
				echo "[UNREAD] $name: no verdict (exit $rc): $(echo "$out" | head -1)"
			else
				echo "[UNREAD] $name (held out)"
			fi
		elif [ "$verdict" = undetermined ]; then
			if [ "$ours" = 0 ] || [[ "$cands" == *" $cause "* ]]; then
				accepted[$src]=$((${accepted[$src]:-0} + 1))
				accepted["$part all"]=$((${accepted["$part all"]:-0} + 1))
			else
				missed[$src]=$((${missed[$src]:-0} + 1))
				missed["$part all"]=$((${missed["$part all"]:-0} + 1))
				if [ "$part" = learn ]; then
					echo "[MISS] $name: undetermined without $cause (candidates:$cands)"
				else
					echo "[MISS] $name (held out)"
				fi
			fi
		elif [[ "$accept" == *" $verdict "* ]]; then
			accepted[$src]=$((${accepted[$src]:-0} + 1))
			accepted["$part all"]=$((${accepted["$part all"]:-0} + 1))
		else
			ok=0
			wrong[$src]=$((${wrong[$src]:-0} + 1))
			wrong["$part all"]=$((${wrong["$part all"]:-0} + 1))
			why="confidently wrong: $verdict, the thread established $cause"
		fi
	fi
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
		"format: "*)
			echo "$out" | grep -qF -- "${want#format: }" || ok=0
			;;
		"error: "*)
			[ "$rc" = 2 ] && echo "$out" | grep -qF -- "${want#error: }" || ok=0
			;;
		esac
	done <"$expect"
	if [ "$ok" = 1 ]; then
		passes=$((passes + 1))
		echo "[ OK ] $name"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s: %s\nwant\n%s\ngot (exit %s)\n%s\n' "$name" "${why:-see below}" \
			"$(grep -v '^\(established\|decoys\|source\):' "$expect")" "$rc" "$out"
	fi
done

# Every next: command runs as printed (with --list: it parses and finds its scenarios).
ncmd=0
while IFS= read -r cmd; do
	[ -n "$cmd" ] || continue
	ncmd=$((ncmd + 1))
	if ! eval "$cmd --list" >/dev/null 2>&1; then
		fails=$((fails + 1))
		echo "[FAIL] a next: line does not run as printed: $cmd"
	fi
done < <(sort -u "$commands")
echo "next: lines: $ncmd distinct commands, each run with --list"

echo "score (public reports, per part and family): acceptable / all, confidently wrong, missed, unread"
while IFS= read -r src; do
	printf '  %-22s %3d / %3d acceptable (%3d %%), %d wrong, %d missed, %d unread\n' "$src" \
		"${accepted[$src]:-0}" "${total[$src]}" $((100 * ${accepted[$src]:-0} / ${total[$src]})) \
		"${wrong[$src]:-0}" "${missed[$src]:-0}" "${unread[$src]:-0}"
done < <(printf '%s\n' "${!total[@]}" | sort)
printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
