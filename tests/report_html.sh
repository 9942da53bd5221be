#!/bin/bash
# report_html.sh: each run's timeline.svg and the suite's report.html, seen as a user sees
# them. Three quick scenarios with --capture (a clean run, a closed port, a reset at TLS);
# each folder's timeline.svg is well-formed XML and holds both links' packets; report.html
# renders in headless Chromium: its DOM has the verdict table with a row per run, and a
# screenshot shows the table (the PASS cells' exact colour, #0fa86e, in a block where the
# table is: png_shows_pass, netpbm and awk). The same checks must reject a copy of the page without
# its table, or they prove nothing.
#
# Each timeline is in report.html as an <img> of its timeline.svg, never inlined: checked
# without a browser too.
#
# Usage: report_html.sh RDPREPRO SOURCE_DIR    (exit 77: skipped: not root, or no Chromium
#        once the checks without a browser passed)
set -eu
RDPREPRO=$1
SRC=$2
SCENARIOS="baseline port-closed firewall-reset-tls"

if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] report_html: needs root (network namespaces)"
	exit 77
fi
find_chromium() {
	local c
	for c in chromium-headless-shell /usr/lib/chromium/chromium-headless-shell; do
		if command -v "$c" >/dev/null 2>&1; then
			echo "$c"
			return 0
		fi
	done
	# The full browser has the same headless mode behind a switch.
	if command -v chromium >/dev/null 2>&1; then
		echo "chromium --headless"
		return 0
	fi
	return 1
}
OUT=$(mktemp -d /tmp/rdprepro-report.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fails=0
ok() { printf '[ OK ] %s\n' "$*"; }
fail() { printf '[FAIL] %s\n' "$*"; fails=$((fails + 1)); }

# Chromium wants a writable home and profile of its own; --no-sandbox as root.
chrome() { # ARGS...: one headless Chromium run, its chatter in chrome.log
	# shellcheck disable=SC2086 # CHROMIUM may be "chromium --headless"
	HOME="$OUT/home" timeout 60 $CHROMIUM --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$OUT/profile" --window-size=1280,900 "$@" 2>>"$OUT/chrome.log"
}
xml_ok() { # FILE
	xmllint --noout "$1" 2>>"$OUT/xml.log"
}
# SHOT ROWS MIN_PIXELS MIN_HEIGHT: does the screenshot show the verdict table? The PASS cells'
# exact background (#0fa86e, report.c's CSS, used nowhere else on the page) counted in the top
# ROWS rows: at least MIN_PIXELS of it, spanning at least MIN_HEIGHT rows (one cell per PASS row,
# stacked). netpbm decodes the PNG into plain PPM, awk counts.
png_shows_pass() {
	pngtopnm "$1" 2>>"$OUT/png.log" | pamcut -top 0 -height "$2" 2>>"$OUT/png.log" |
		pnmtoplainpnm | awk -v min_px="$3" -v min_h="$4" '
		NR == 1 { next }                          # P3
		NR == 2 { w = $1; next }                  # width height
		NR == 3 { next }                          # 255
		{
			for (i = 1; i <= NF; i++) {
				c[k++ % 3] = $i
				if (k % 3) continue
				px = k / 3 - 1
				if (c[0] == 15 && c[1] == 168 && c[2] == 110) {
					n++; row = int(px / w)
					if (lo == "" || row < lo) lo = row
					if (row > hi) hi = row
				}
			}
		}
		END {
			h = n ? hi - lo + 1 : 0
			printf "PASS colour: %d pixels over %d rows\n", n, h
			exit !(n >= min_px && h >= min_h)
		}'
}
# PAGE NAME: the rendered DOM has a verdict table with a row per run, and the screenshot shows
# the table's PASS cells.
check_page() {
	local page=$1 name=$2 rows s dom shot="$OUT/$2.png"
	dom="$OUT/$name.dom"
	chrome --dump-dom "file://$page" >"$dom" || true
	rows=$(grep -o '<tr class="run">' "$dom" | wc -l)
	[ "$rows" = 3 ] || return 1
	for s in $SCENARIOS; do
		grep -q "<a href=\"#run-[0-9]*\">$s</a>" "$dom" || return 1
	done
	chrome --screenshot="$shot" "file://$page" >/dev/null || return 1
	# Three PASS cells, one under the other, in the page's top 600 rows: at least 3000 pixels of
	# the colour over at least 60 rows (each cell is about 80 x 25 px at 100 %).
	png_shows_pass "$shot" 600 3000 60
}

# shellcheck disable=SC2046 # one path per scenario
if ! "$RDPREPRO" run --capture --jobs 2 --results "$OUT/r" \
	$(for s in $SCENARIOS; do echo "$SRC/scenarios/$s.scn"; done) >"$OUT/run.txt" 2>&1; then
	echo "[FAIL] the runs themselves failed:"
	cat "$OUT/run.txt"
	exit 1
fi
for s in $SCENARIOS; do
	svg="$OUT/r/$s/timeline.svg"
	if [ ! -s "$svg" ]; then
		fail "$s: no timeline.svg ($(grep 'timeline:' "$OUT/r/$s/report.txt" || echo 'and no note'))"
	elif ! xml_ok "$svg"; then
		fail "$s: timeline.svg is not well-formed XML: $(tail -n 3 "$OUT/xml.log")"
	elif ! grep -q 'client link' "$svg" || ! grep -q 'server link' "$svg"; then
		fail "$s: timeline.svg has no packet lanes (the captures were not drawn)"
	else
		ok "$s: timeline.svg, well-formed, both links drawn ($(sed -n 's/.*<!-- drawn in \(.*\) -->.*/\1/p' "$svg"))"
	fi
done
grep -q 'reset armed' "$OUT/r/firewall-reset-tls/timeline.svg" ||
	fail "firewall-reset-tls: the reset's firing is not in its timeline"

page="$OUT/r/report.html"
# Each timeline is an <img> of its run's own timeline.svg (a data: URL), never inlined markup:
# an SVG inlined into the page would run its script (report.c).
for s in $SCENARIOS; do
	b64=$(grep -o "alt=\"timeline.svg of $s\" src=\"data:image/svg+xml;base64,[A-Za-z0-9+/=]*\"" \
		"$page" | sed 's/.*base64,//; s/"$//' || true)
	if [ -z "$b64" ] || [ "$(printf '%s' "$b64" | base64 -d | sha256sum)" != \
		"$(sha256sum <"$OUT/r/$s/timeline.svg")" ]; then
		fail "$s: report.html does not show its timeline.svg as an <img> of the file"
	fi
done
if grep -q '<svg' "$page"; then
	fail "report.html inlines an SVG"
elif [ "$fails" = 0 ]; then
	ok "report.html: each timeline an <img> of its run's timeline.svg, no SVG inlined"
fi
if ! CHROMIUM=$(find_chromium); then
	[ "$fails" = 0 ] || exit 1
	echo "[SKIP] report_html: the page in a browser: no headless Chromium (apt-get install chromium-headless-shell)"
	exit 77
fi
if [ ! -s "$page" ]; then
	fail "no report.html"
elif grep -Eq '(src|href)="(https?:)?//' "$page"; then
	fail "report.html refers to an external address"
elif out=$(check_page "$page" report); then
	ok "report.html in headless Chromium: 3 rows in the DOM; screenshot: $out"
else
	fail "report.html in headless Chromium: table not shown ($out); chrome.log:"
	tail -n 5 "$OUT/chrome.log"
fi
# The checks must be able to fail: the same page without its table, and with the table in its
# DOM but not shown, must not pass them (the second one only the screenshot can catch).
sed '/<table class="verdicts"/,/<\/table>/d' "$page" >"$OUT/no-table.html"
sed 's|</style>|table.verdicts{display:none}</style>|' "$page" >"$OUT/hidden-table.html"
for bad in no-table hidden-table; do
	if out=$(check_page "$OUT/$bad.html" "$bad"); then
		fail "the checks passed $bad.html ($out)"
	else
		ok "$bad.html is rejected${out:+ ($out)}"
	fi
done
[ "$fails" = 0 ]
