#!/bin/bash
# Artifacts a stranger made (issue 29, docs/sharding.md "What merge accepts"): `merge` and
# `sweep --report` read other machines' folders as root, so each hostile shard is refused with
# exit 2 naming the file and the reason, nothing of it runs, nothing outside is read into an
# output, and no output is written through a symlink planted in --out.
#
#   shard/baseline/{result.json, report.txt -> SECRET, timeline.svg <svg onload=...>}
#   shard/sweep.json {"name": "x\";system \"id>MARKER\";..."}, axes of 64 x 64 values
#            |
#            v
#   rdprepro merge SHARD... --out OUT       OUT/{report.html, junit.xml, points.csv} -> OUTSIDE
#   rdprepro sweep --report --out SHARD
#
# The shards are made by hand from real records (tests/fuzz/seeds-*json: a run's result.json,
# a sweep's sweep.json), so no lab runs: neither root nor namespaces are needed, except for the
# device node (mknod), which is SKIP without root.
#
# Usage: artifacts.sh RDPREPRO SRC BUILD.
set -eu
bin=$1 src=$2
# shellcheck source=tests/hostile/common.inc
. "$src/tests/hostile/common.inc"

export LC_ALL=C
work=$(mktemp -d /tmp/rdprepro-test-artifacts.XXXXXX)
# Where the injected command writes: short, for the old reader cut a name at 63 bytes (and
# absolute: gnuplot's directory is a private one, removed after).
marker=/tmp/rdpp-pwn.$$
trap 'rm -rf "$work" "$marker"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/../on_signal.sh"
seeds=$src/tests/fuzz
secret_text="secret-$RANDOM-$RANDOM-$$"
printf '%s\n' "$secret_text" >"$work/secret"
mkdir "$work/outside"
for f in report.html junit.xml results.tap points.csv runs.csv sweep.json plot.gp points.dat \
	failure-rate.svg; do
	printf 'precious %s\n' "$f" >"$work/outside/$f"
done
outside_sums() { (cd "$work" && sha256sum secret outside/*); }
outside_sums >"$work/outside.before"

# result DIR NAME RUN: a result folder as a run leaves it (a real result.json, its evidence,
# a report.txt, a timeline.svg), for scenario NAME's run RUN.
result() {
	local dir=$1 name=$2 run=$3
	mkdir -p "$dir"
	jq --arg n "$name" --argjson r "$run" '.scenario = $n | .run = $r | .seed = 6 + $r' \
		"$seeds/seeds-resultjson/baseline.json" >"$dir/result.json"
	jq .evidence "$seeds/seeds-resultjson/baseline.json" >"$dir/evidence.json"
	printf '       verdict connected, because reached active\n' >"$dir/report.txt"
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"><rect width="40" height="10" fill="#888"/></svg>\n' >"$dir/timeline.svg"
}

# sweep_shard DIR POINTS...: a sweep's shard (the 2-point loss sweep of the fuzz seeds, 2 runs
# a point) holding the runs of POINTS.
sweep_shard() {
	local dir=$1 p
	shift
	mkdir -p "$dir/runs"
	jq 'del(.results)' "$seeds/seeds-sweepjson/one-axis.json" >"$dir/sweep.json"
	for p in "$@"; do
		result "$dir/runs/$p/run-1" "$p" 1
		result "$dir/runs/$p/run-2" "$p" 2
	done
}

no_marker() {
	if [ -e "$marker" ]; then
		fail "gnuplot ran the command: $(cat "$marker")"
	else
		ok "gnuplot ran no command (no $marker)"
	fi
}

# nothing_moved NAME OUT: a refused merge left no result folder and no staging directory.
nothing_moved() {
	local name=$1 out=$2 left
	left=$(find "$out" -mindepth 1 -maxdepth 2 \( -name 'baseline' -o -name 'port-closed' -o \
		-name 'p00*' -o -name '.merge-*' \) 2>/dev/null | head -n3)
	if [ -z "$left" ]; then
		ok "$name: nothing moved into --out"
	else
		fail "$name: a refused merge left $left"
	fi
}

# ---- runs: a good merge, then one hostile shard per class ----

good=$work/good
result "$good/a/baseline" baseline 1
result "$good/b/port-closed" port-closed 1
# The timeline a stranger made: script in every form an inlined SVG would run.
cat >"$good/b/port-closed/timeline.svg" <<'EOF'
<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="40" height="10">
<script>alert(2)</script><rect width="40" height="10" fill="#888"/></svg>
EOF
printf '<script>alert(3)</script><img src=x onerror=alert(4)>\n' >>"$good/b/port-closed/report.txt"
out=$work/out-runs
mkdir "$out"
for f in report.html junit.xml results.tap; do ln -s "$work/outside/$f" "$out/$f"; done
rc=$(run_rc "$work/log" "$bin" merge "$good/a" "$good/b" --out "$out")
if [ "$rc" = 0 ] && [ -f "$out/baseline/result.json" ] && [ -f "$out/port-closed/timeline.svg" ]; then
	ok "merge of two good shards: exit 0, both result folders in --out"
else
	fail "merge of two good shards: exit $rc:"
	sed 's/^/       /' "$work/log" | head -10
fi
# The shard's timeline.svg in --out is kept to what draws: opened in a browser by itself, it
# runs nothing (no onload=, no <script>), and its drawing is still there.
svg=$out/port-closed/timeline.svg
if [ -f "$svg" ] && ! grep -Eqi 'onload=|<script' "$svg" && grep -q '<rect' "$svg" &&
	xmllint --noout "$svg" 2>/dev/null && grep -q 'port-closed/timeline.svg: 2 element' "$work/log"; then
	ok "merged timeline.svg: the shard's onload= and <script> taken out, its <rect> kept, and said"
else
	fail "merged timeline.svg still runs something or lost its drawing: $(head -c 300 "$svg")"
fi
page=$out/report.html
# No markup of the shard's: not its timeline's onload= or <script>, not report.txt's <script>
# or <img> (whose text is there, escaped).
if [ -f "$page" ] && [ ! -L "$page" ] && ! grep -Eqi 'onload=|<script|<img src=x' "$page"; then
	ok "report.html: no onload=, <script or <img src=x from the shard's timeline.svg and report.txt"
else
	fail "report.html holds markup from the shard: $(grep -Eoi '.{0,20}(onload=|<script|<img src=x).{0,20}' "$page" | head -3)"
fi
# The timeline is there, as an image: the merged file itself, base64 in a data: URL.
b64=$(grep -o 'alt="timeline.svg of port-closed" src="data:image/svg+xml;base64,[A-Za-z0-9+/=]*"' \
	"$page" | sed 's/.*base64,//; s/"$//' || true)
if [ -n "$b64" ] && [ "$(printf '%s' "$b64" | base64 -d | sha256sum)" = \
	"$(sha256sum <"$out/port-closed/timeline.svg")" ]; then
	ok "report.html: the merged timeline.svg only as an <img> (a data: URL of the file, no script runs)"
else
	fail "report.html: the shard's timeline is not the <img> of its file"
fi
if grep -qF '&lt;script&gt;alert(3)&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt;' "$page"; then
	ok "report.html: the shard's report.txt shown, escaped"
else
	fail "report.html: report.txt not shown escaped"
fi
if xmllint --html --noout "$page" 2>"$work/xmllint.log"; then
	ok "report.html: parses as HTML (xmllint --html)"
else
	fail "report.html: xmllint --html: $(head -3 "$work/xmllint.log")"
fi

# report.txt a symlink to a secret outside the shard.
sh1=$work/symlink
result "$sh1/baseline" baseline 1
ln -sf "$work/secret" "$sh1/baseline/report.txt"
out=$work/out-symlink
rc=$(run_rc "$work/log" "$bin" merge "$sh1" --out "$out")
expect_refused "report.txt a symlink to a secret" "$rc" "$work/log" \
	"symlink/baseline/report.txt: a symlink, not a regular file: refused"
nothing_moved "report.txt a symlink" "$out"
if grep -rqF "$secret_text" "$out" "$work/log" 2>/dev/null; then
	fail "the secret's text is in an output"
else
	ok "report.txt a symlink: the secret's text is in no output"
fi

# A hard link to the secret (where fs.protected_hardlinks allows it: as root here, it does).
sh2=$work/hardlink
result "$sh2/baseline" baseline 1
rm "$sh2/baseline/report.txt"
if ln "$work/secret" "$sh2/baseline/report.txt" 2>/dev/null; then
	rc=$(run_rc "$work/log" "$bin" merge "$sh2" --out "$work/out-hardlink")
	expect_refused "report.txt a hard link to a secret" "$rc" "$work/log" \
		"hardlink/baseline/report.txt: 2 hard links: refused"
	if grep -rqF "$secret_text" "$work/out-hardlink" "$work/log" 2>/dev/null; then
		fail "a hard link: the secret's text is in an output"
	else
		ok "a hard link: the secret's text is in no output"
	fi
	rm "$sh2/baseline/report.txt"
else
	printf '[SKIP] a hard link to the secret: ln refused (fs.protected_hardlinks)\n'
fi

# A FIFO where a file is read and copied: refused at once, never waited on.
sh3=$work/fifo
result "$sh3/baseline" baseline 1
rm "$sh3/baseline/evidence.json"
mkfifo "$sh3/baseline/evidence.json"
rc=$(run_rc "$work/log" "$bin" merge "$sh3" --out "$work/out-fifo")
expect_refused "evidence.json a FIFO (no writer: it must not wait)" "$rc" "$work/log" \
	"fifo/baseline/evidence.json: a FIFO, not a regular file: refused"

# A device node in a result folder (mknod: root only).
sh4=$work/device
result "$sh4/baseline" baseline 1
if mknod "$sh4/baseline/client-link.pcap" c 1 3 2>/dev/null; then
	rc=$(run_rc "$work/log" "$bin" merge "$sh4" --out "$work/out-device")
	expect_refused "a character device in a result folder" "$rc" "$work/log" \
		"device/baseline/client-link.pcap: a character device, not a regular file: refused"
else
	printf '[SKIP] a device node in a shard: mknod needs root\n'
fi

# The result folder itself a symlink to a folder outside the shard.
sh5=$work/dirlink
mkdir -p "$sh5"
result "$work/elsewhere/baseline" baseline 1
ln -s "$work/elsewhere/baseline" "$sh5/baseline"
rc=$(run_rc "$work/log" "$bin" merge "$sh5" --out "$work/out-dirlink")
expect_refused "a result folder that is a symlink" "$rc" "$work/log" \
	"dirlink/baseline: a symlink, not a directory: refused"

# A folder whose name is not a scenario's, a result.json whose fields are not a run's.
sh6=$work/names
result "$sh6/x;id" 'x;id' 1
rc=$(run_rc "$work/log" "$bin" merge "$sh6" --out "$work/out-names")
expect_refused "a result folder named x;id" "$rc" "$work/log" \
	"names/x;id: holds runs, and its name is not a scenario's"
sh7=$work/fields
result "$sh7/baseline" baseline 1
jq '.verdict = "x\";system \"id\";\""' "$sh7/baseline/result.json" >"$work/r.json"
mv "$work/r.json" "$sh7/baseline/result.json"
rc=$(run_rc "$work/log" "$bin" merge "$sh7" --out "$work/out-fields")
expect_refused "a verdict that is no cause" "$rc" "$work/log" \
	'fields/baseline/result.json: verdict: .* is not a cause'
nothing_moved "a verdict that is no cause" "$work/out-fields"
jq '.scenario = "port-closed"' "$good/a/baseline/result.json" >"$work/r.json"
result "$work/other/baseline" baseline 1
mv "$work/r.json" "$work/other/baseline/result.json"
rc=$(run_rc "$work/log" "$bin" merge "$work/other" --out "$work/out-other")
expect_refused "a result of another scenario than its folder's" "$rc" "$work/log" \
	'other/baseline/result.json: scenario and run: port-closed run 1, in the folder of baseline'

# ---- sweeps: a good merge, the gnuplot name, 64 x 64 axes ----

sweep_shard "$work/s1" p001-loss-0pct
sweep_shard "$work/s2" p002-loss-30pct
out=$work/out-sweep
mkdir -p "$out/runs"
for f in points.csv runs.csv sweep.json plot.gp points.dat failure-rate.svg; do
	ln -s "$work/outside/$f" "$out/$f"
done
for f in report.html junit.xml; do ln -s "$work/outside/$f" "$out/runs/$f"; done
rc=$(run_rc "$work/log" "$bin" merge "$work/s1" "$work/s2" --out "$out")
if [ "$rc" = 0 ] && [ "$(tail -n +2 "$out/points.csv" | wc -l)" = 2 ] &&
	[ "$(tail -n +2 "$out/runs.csv" | wc -l)" = 4 ]; then
	ok "merge of two good sweep shards: exit 0, 2 points, 4 runs"
else
	fail "merge of two good sweep shards: exit $rc:"
	sed 's/^/       /' "$work/log" | head -10
fi
if command -v gnuplot >/dev/null; then
	if [ -f "$out/plot.gp" ] && ! grep -q baseline "$out/plot.gp" && grep -q baseline "$out/titles.dat"; then
		ok "plot.gp holds no text of the sweep's (its name is in titles.dat, read as data)"
	else
		fail "plot.gp holds the sweep's name, or is missing: $(grep -n baseline "$out/plot.gp" | head -2)"
	fi
	if [ -f "$out/failure-rate.svg" ] && [ ! -L "$out/failure-rate.svg" ]; then
		ok "the picture drawn, and put where a symlink was planted"
	else
		fail "failure-rate.svg: not drawn, or still the planted symlink"
	fi
fi
for f in points.csv runs.csv sweep.json plot.gp points.dat runs/report.html runs/junit.xml; do
	if [ -L "$out/$f" ] || [ ! -f "$out/$f" ]; then
		fail "$f: still the planted symlink, or missing"
	fi
done
left=$(find "$out" "$out/runs" -maxdepth 1 \( -name '.gnuplot-*' -o -name '.merge-*' \))
if [ -z "$left" ]; then
	ok "no private directory (gnuplot's, merge's staging) left in --out"
else
	fail "a private directory was left in --out: $left"
fi

# The name that ran `id` as root through gnuplot.
sweep_shard "$work/gp" p001-loss-0pct p002-loss-30pct
jq --arg m "$marker" '.name = "x\";system \"id>\($m)\";set title \""' "$work/gp/sweep.json" \
	>"$work/r.json"
mv "$work/r.json" "$work/gp/sweep.json"
rc=$(run_rc "$work/log" "$bin" merge "$work/gp" --out "$work/out-gp")
expect_refused "merge: a sweep named with a gnuplot command" "$rc" "$work/log" \
	"gp/sweep.json: name: not a scenario's name"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/gp")
expect_refused "sweep --report: the same" "$rc" "$work/log" "gp/sweep.json: name: not a scenario's name"
no_marker
# A label, and a verdict in a run's result.json, both of which went into plot.gp.
sweep_shard "$work/gl" p001-loss-0pct p002-loss-30pct
jq --arg m "$marker" '.axes[0].labels[1] = "30%\" 1)\nsystem \"id>\($m)\"\nset xtics (\""' \
	"$work/gl/sweep.json" >"$work/r.json"
mv "$work/r.json" "$work/gl/sweep.json"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/gl")
expect_refused "sweep --report: a label with a gnuplot command" "$rc" "$work/log" \
	"gl/sweep.json: axes\[0\]: value 1 .* is not a value of loss"
sweep_shard "$work/gv" p001-loss-0pct p002-loss-30pct
jq '.verdict = "x'"'"';system '"'"'id"' "$work/gv/runs/p002-loss-30pct/run-2/result.json" \
	>"$work/r.json"
mv "$work/r.json" "$work/gv/runs/p002-loss-30pct/run-2/result.json"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/gv")
expect_refused "sweep --report: a run's verdict with a gnuplot command" "$rc" "$work/log" \
	"gv/runs/p002-loss-30pct/run-2/result.json: verdict: .* is not a cause"
no_marker
# A symlinked run folder under runs/, for --report.
sweep_shard "$work/gs" p001-loss-0pct
rm -r "$work/gs/runs/p001-loss-0pct/run-2"
ln -s "$work/elsewhere/baseline" "$work/gs/runs/p001-loss-0pct/run-2"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/gs")
expect_refused "sweep --report: a run folder that is a symlink" "$rc" "$work/log" \
	"gs/runs/p001-loss-0pct/run-2: a symlink, not a directory: refused"

# runs/ itself a symlink to another sweep's runs.
sweep_shard "$work/gr" p001-loss-0pct
mv "$work/gr/runs" "$work/gr-runs"
ln -s "$work/gr-runs" "$work/gr/runs"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/gr")
expect_refused "sweep --report: runs/ a symlink" "$rc" "$work/log" \
	"gr/runs: a symlink, not a directory: refused"

# Two axes of 64 values: 4096 points where the arrays hold 400 (a heap overflow before).
sweep_shard "$work/big" p001-loss-0pct
jq '.axes = [{"key":"loss","values":[range(64)],"labels":[range(64)|"\(.)%"]},
	{"key":"delay","values":[range(64)],"labels":[range(64)|"\(.)ms"]}] |
	.points = [range(4096)|"p\(.)"]' "$work/big/sweep.json" >"$work/r.json"
mv "$work/r.json" "$work/big/sweep.json"
rc=$(run_rc "$work/log" "$bin" merge "$work/big" --out "$work/out-big")
expect_refused "merge: axes of 64 x 64 values" "$rc" "$work/log" "big/sweep.json: axes: 4096 points: at most 400"
rc=$(run_rc "$work/log" "$bin" sweep --report --out "$work/big")
expect_refused "sweep --report: the same" "$rc" "$work/log" "big/sweep.json: axes: 4096 points: at most 400"

# ---- what is outside ----
outside_sums >"$work/outside.after"
if cmp -s "$work/outside.before" "$work/outside.after"; then
	ok "the files outside (the secret, the planted symlinks' targets) are as they were"
else
	fail "files outside changed:"
	diff "$work/outside.before" "$work/outside.after" | sed 's/^/       /'
fi
hostile_end
