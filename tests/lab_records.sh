#!/bin/bash
# lab_records.sh: the verdicts of stored lab records stay what they were. tests/lab-records/
# holds the evidence records of one whole catalog run (NAME.json, the probe's evidence.json) and
# what `rdprepro classify` said of each when they were taken (NAME.verdict: from "verdict:" to
# the commands, which name paths). A change to the classifier that changes any of them fails
# here, with the difference: a refactor must leave them byte-identical; a change meant to move a
# verdict (issue 32) retakes them with --update and says why in its commit.
#
# Usage: lab_records.sh RDPREPRO SOURCE_DIR [--update]
set -eu
RDPREPRO=$1
DIR="$2/tests/lab-records"
update=${3:-}
fails=0
n=0
for rec in "$DIR"/*.json; do
	name=${rec##*/}
	name=${name%.json}
	n=$((n + 1))
	got=$("$RDPREPRO" classify "$rec" | sed -n '/^verdict: /,/^  next: /p' | grep -v '^  next: ')
	if [ "$update" = --update ]; then
		printf '%s\n' "$got" >"$DIR/$name.verdict"
		continue
	fi
	if [ ! -f "$DIR/$name.verdict" ]; then
		echo "[FAIL] $name: no $name.verdict beside it"
		fails=$((fails + 1))
	elif ! diff -u "$DIR/$name.verdict" <(printf '%s\n' "$got") >/dev/null; then
		echo "[FAIL] $name: its verdict moved:"
		diff -u "$DIR/$name.verdict" <(printf '%s\n' "$got") | sed 's/^/  /' | head -20
		fails=$((fails + 1))
	fi
done
[ "$n" -gt 0 ] || { echo "[FAIL] no records in $DIR"; exit 1; }
echo "lab records: $((n - fails)) of $n verdicts as taken"
[ "$fails" = 0 ]
