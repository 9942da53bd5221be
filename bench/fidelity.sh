#!/bin/bash
# fidelity.sh: the impairment engine's fidelity on this machine, measured with
# `rdprepro linkcheck` on real traffic between the lab's namespaces. A benchmark, not a
# timed test: it prints the numbers and exits non-zero only if a measure leaves its
# tolerance (loss +-2 points over 10,000 packets; median delay +-1 ms; jitter's sd +-10%;
# rate +-10%).
#
# Usage: bench/fidelity.sh [RDPREPRO] [--backend engine|netem|auto]   (root)
set -euo pipefail # pipefail: a linkcheck out of tolerance fails its pipe, not just sed

RDPREPRO=${1:-build/rdprepro}
shift || true
fails=0

check() {
	local title=$1
	shift
	printf '\n== %s\n' "$title"
	if ! "$RDPREPRO" linkcheck "$@" | sed -n '/measure/,$p'; then
		fails=$((fails + 1))
	fi
}

check "loss 1%" --loss 1% --interval-us 100 "$@"
check "loss 5%" --loss 5% --interval-us 100 "$@"
check "loss 20%" --loss 20% --interval-us 100 "$@"
check "loss 50%" --loss 50% --interval-us 100 "$@"
check "bursty loss (Gilbert-Elliott p 1% r 10% 1-h 70% 1-k 0%)" --loss "gemodel 1% 10% 70% 0%" --interval-us 100 "$@"
check "delay 50 ms" --delay 50ms "$@"
check "delay 200 ms" --delay 200ms "$@"
check "delay 50 ms, jitter 10 ms uniform" --delay "50ms 10ms uniform" "$@"
check "delay 50 ms, jitter 10 ms normal" --delay "50ms 10ms normal" "$@"
check "delay 200 ms, jitter 20 ms normal" --delay "200ms 20ms normal" "$@"
check "duplicate 5%" --duplicate 5% "$@"
check "reorder 25% with delay 20 ms" --delay 20ms --reorder 25% "$@"
check "rate 1 mbit/s (tbf)" --rate 1mbit --count 1000 "$@"
check "rate 10 mbit/s (tbf)" --rate 10mbit --count 1000 "$@"
check "the engine alone: added latency at zero delay, and its TCP throughput" --engine --count 10000 "$@"
printf '\n== without the engine: the path'"'"'s own TCP throughput and latency\n'
"$RDPREPRO" linkcheck --count 10000 --rate 100000mbit "$@" | grep -E 'delay:|bulk TCP' || true

printf '\n%d cases out of tolerance\n' "$fails"
[ "$fails" = 0 ]
