#!/bin/bash
# classify.sh: how fast `rdprepro classify` reads a field log, as numbers (a benchmark, not a
# timed test): lines per second on a long FreeRDP debug log (the common large input), on plain
# text no reader knows a line of (every table of other programs' words searched on each line),
# and the whole field-report corpus one file at a time.
#
# Usage: bench/classify.sh [RDPREPRO] [SOURCE_DIR]
set -euo pipefail
RDPREPRO=$(readlink -f "${1:-build/rdprepro}")
SRC=$(cd "${2:-.}" && pwd)
OUT=$(mktemp -d /tmp/rdprepro-bench-classify.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "[10:00:%02d:%03d] [1234:1235] [DEBUG][com.freerdp.core.transport] - [transport_read_layer]: read %d bytes\n",
	       (i / 1000) % 60, i % 1000, i }' >"$OUT/freerdp.log"
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "2026-01-01 10:00:00 an application line %d about a connection that went well\n", i }' >"$OUT/plain.log"

# rate NAME FILE LINES: the wall of one classify, and its lines per second
rate() {
	local t0 t1 ms
	t0=$(date +%s%N)
	"$RDPREPRO" classify "$2" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
	printf '%-34s %7d lines %7d ms %9d lines/s\n' "$1" "$3" "$ms" $(($3 * 1000 / (ms > 0 ? ms : 1)))
}
rate "FreeRDP debug log" "$OUT/freerdp.log" 100000
rate "plain text, no line read" "$OUT/plain.log" 20000
t0=$(date +%s%N)
n=0
for f in "$SRC"/tests/field-logs/*; do
	case "$f" in *.expect | *.md | */LEARNED) continue ;; esac
	"$RDPREPRO" classify "$f" >/dev/null 2>&1 || true
	n=$((n + 1))
done
t1=$(date +%s%N)
printf '%-34s %7d files %7d ms %9d ms/file\n' "the field-report corpus" "$n" $(((t1 - t0) / 1000000)) \
	$(((t1 - t0) / 1000000 / (n > 0 ? n : 1)))
