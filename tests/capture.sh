#!/bin/bash
# capture.sh: `rdprepro run --capture` writes every packet the kernel's filter passed into the
# pcaps, for a short run (a reset at TLS, 1 s) and a long one (the MTU black hole, 11 s, which
# ends with the server's RST after its TLS timeout: the packets that matter are the last ones).
# For each link: packets in the pcap (read back with tcpdump -r) = tcpdump's final "received
# by filter" count, none dropped by the kernel, and the run's end is in it.
#
# Usage: capture.sh RDPREPRO SOURCE_DIR     (exit 77: skipped, not root)
set -eu
RDPREPRO=$1
SRC=$2
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] capture: needs root (network namespaces)"
	exit 77
fi
OUT=$(mktemp -d /tmp/rdprepro-capture.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
fails=0

"$RDPREPRO" run --capture --jobs 3 --results "$OUT/r" "$SRC/scenarios/baseline.scn" \
	"$SRC/scenarios/firewall-reset-tls.scn" "$SRC/scenarios/mtu-blackhole.scn" >"$OUT/run.txt" 2>&1 || {
	echo "[FAIL] the runs themselves failed:"; cat "$OUT/run.txt"; exit 1; }

last_count() { # LOG WHAT: the number before WHAT in the last line that has it
	sed -n "s/.*[^0-9]\([0-9][0-9]*\) packets $2.*/\1/p; s/^\([0-9][0-9]*\) packets $2.*/\1/p" "$1" | tail -n 1
}
# SCENARIO DEV SIDE MUST: MUST is a tcpdump -r filter that must match at least one packet
check() {
	local s=$1 dev=$2 side=$3 must=$4 log pcap n got dropped ends
	log="$OUT/r/$s/tcpdump-$dev.log"
	pcap="$OUT/r/$s/$side-link.pcap"
	n=$(last_count "$log" "received by filter")
	dropped=$(last_count "$log" "dropped by kernel")
	got=$(tcpdump -n -r "$pcap" 2>/dev/null | wc -l)
	ends=$(tcpdump -n -r "$pcap" "$must" 2>/dev/null | wc -l)
	if [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$got" = "$n" ] && [ "$dropped" = 0 ] && [ "$ends" -gt 0 ]; then
		printf '[ OK ] %s %s: %s packets in the pcap, %s received by filter, 0 dropped, %s matching "%s"\n' \
			"$s" "$dev" "$got" "$n" "$ends" "$must"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s %s: %s packets in the pcap, %s received by filter, %s dropped, %s matching "%s"\n' \
			"$s" "$dev" "$got" "${n:-?}" "${dropped:-?}" "$ends" "$must"
		cat "$log"
	fi
}
# What must be there: the connection's close (FIN) for a clean run, the router's RST for the
# reset, the server's RST after its TLS timeout for the black hole (on the server's link; the
# client's link sees it too, 1200 bytes of MTU do not stop a bare RST).
FIN='tcp[tcpflags] & tcp-fin != 0'
RST='tcp[tcpflags] & tcp-rst != 0'
check baseline c0 client "$FIN"
check baseline s0 server "$FIN"
check firewall-reset-tls c0 client "$RST"
check firewall-reset-tls s0 server "$RST"
check mtu-blackhole c0 client "$RST"
check mtu-blackhole s0 server "$RST"
[ "$fails" = 0 ] || exit 1
