#!/bin/bash
# layout.sh SOURCE_DIR: the rooms hold (issue 30, docs/design.md "Where the code lives").
#   - no .c file of harness/ over 800 lines;
#   - no function over 120 lines, from its opening brace to its closing one (a function's braces
#     stand alone at the line's start; a table's initializer opens on its declaration's line, so
#     tables are not counted);
#   - no two modules (a .c and its .h share a name) that include each other's header (a header
#     without a .c of its name, a family's private declarations, is no module);
#   - no include from a wing into a wing above it (the order of WINGS in CMakeLists.txt;
#     harness/main.c is above them all).
# Every breach is printed, file and line; exit 1 if any.
set -u
src=${1:?usage: layout.sh SOURCE_DIR}
cd "$src/harness" || exit 2
MAX_FILE=800
MAX_FUNC=120

wings=$(sed -n 's/^set(WINGS \(.*\))$/\1/p' ../CMakeLists.txt)
[ -n "$wings" ] || { echo "layout: no set(WINGS ...) in CMakeLists.txt"; exit 2; }
bad=0
breach() { echo "layout: $*"; bad=1; }

# Every file's wing and rank; a header's wing by its name (the include path is flat).
declare -A rank wing_of
r=0
for w in $wings; do
	rank[$w]=$r
	r=$((r + 1))
	[ -d "$w" ] || breach "wing $w (CMakeLists.txt) has no directory harness/$w"
done
rank[main]=$r
for f in */*.[ch] main.c; do
	case $f in main.c) w=main ;; *) w=${f%%/*} ;; esac
	[ -n "${rank[$w]+x}" ] || { breach "$f: in no wing of CMakeLists.txt's WINGS"; continue; }
	h=${f##*/}
	if [ "${f%.h}" != "$f" ]; then
		[ -z "${wing_of[$h]+x}" ] || breach "$f: another header of that name in ${wing_of[$h]}/"
		wing_of[$h]=$w
	fi
done

# 1. File sizes.
for f in */*.c main.c; do
	n=$(wc -l <"$f")
	[ "$n" -le $MAX_FILE ] || breach "$f: $n lines (at most $MAX_FILE)"
done

# 2. Function lengths.
for f in */*.c main.c; do
	awk -v f="$f" -v max=$MAX_FUNC '
		/^\{$/ { start = NR; name = sig; next }
		/^\}$/ && start { n = NR - start + 1
			if (n > max) printf "layout: %s:%d: %s: %d lines (at most %d)\n", f, start, name, n, max
			start = 0 }
		!/^[ \t{}]/ && NF { sig = $0 }' "$f"
done | grep . && bad=1

# 3 and 4. Includes: each module's local headers, and the wing each comes from.
declare -A deps
for f in */*.[ch] main.c; do
	case $f in main.c) w=main ;; *) w=${f%%/*} ;; esac
	base=${f##*/}
	mod=${base%.*}
	while IFS=: read -r line h; do
		[ -n "${wing_of[$h]+x}" ] || continue
		hw=${wing_of[$h]}
		if [ "${rank[$hw]}" -gt "${rank[$w]}" ]; then
			breach "$f:$line: includes $h from $hw/, a wing above $w/"
		fi
		[ "${h%.h}" = "$mod" ] || deps[$mod]+=" ${h%.h} "
	done < <(grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):#include "\([^"]*\)".*/\1:\2/')
done
for a in "${!deps[@]}"; do
	for b in ${deps[$a]}; do
		ls */"$a.c" */"$b.c" >/dev/null 2>&1 || continue
		[[ "$a" < "$b" ]] || continue
		case ${deps[$b]-} in *" $a "*) breach "$a and $b include each other's header" ;; esac
	done
done

[ $bad = 0 ] && echo "layout: every room holds ($(ls */*.c main.c | wc -l) files in $(echo $wings | wc -w) wings)"
exit $bad
