#!/bin/bash
# fault_effects.sh: every link fault measured on real traffic between the lab's namespaces
# (rdprepro linkcheck), with short probe runs; bench/fidelity.sh holds the long ones.
#
# Usage: fault_effects.sh RDPREPRO     (exit 77: skipped, not root)
set -eu

RDPREPRO=$1
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] fault_effects: needs root (network namespaces)"
	exit 77
fi
passes=0
fails=0

check() {
	local title=$1 out
	shift
	if out=$("$RDPREPRO" linkcheck "$@" 2>&1); then
		passes=$((passes + 1))
		printf '[ OK ] %s\n' "$title"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s\n%s\n' "$title" "$out"
	fi
}

# Time-based measures (a median within 1 ms, a spread within 10 %) are the engine's timers
# against the receiver's on two shared cores: a machine that steals a few ms from one of them
# in a run moves the median (seen on a VM: 20.5, 20.8 and 23.2 ms for the same 20 ms link).
# Such a measure gets a second run when the first is out of bounds, and says so; two runs
# out of bounds fail, so an engine that is off fails every time.
check_timed() {
	local title=$1 out out2
	shift
	if out=$("$RDPREPRO" linkcheck "$@" 2>&1); then
		passes=$((passes + 1))
		printf '[ OK ] %s\n' "$title"
	elif out2=$("$RDPREPRO" linkcheck "$@" 2>&1); then
		passes=$((passes + 1))
		printf '[ OK ] %s (the second measurement; the first was out: %s)\n' "$title" \
			"$(grep '\[FAIL\]' <<<"$out" | tr -s ' ' | tr '\n' ';')"
	else
		fails=$((fails + 1))
		printf '[FAIL] %s (twice)\n%s\n%s\n' "$title" "$out" "$out2"
	fi
}

check "random loss 10%" --loss 10% --count 5000 --interval-us 100
check "bursty loss (gemodel)" --loss "gemodel 2% 20% 80% 0%" --count 5000 --interval-us 100
check_timed "delay 20 ms, jitter 5 ms normal" --delay "20ms 5ms normal" --count 3000
check "duplication 5%" --duplicate 5% --count 3000
check_timed "reordering 25%" --delay 20ms --reorder 25% --count 3000
check "corruption 10% (the receiver's checksums drop them: seen as loss)" --corrupt 10% --count 5000 --interval-us 100
check "rate 1 mbit/s" --rate 1mbit --count 500 --bulk 2
# A burst on a narrow link: netem holds at most 1000 packets and drops the rest at the tail, and
# its rate counts the Ethernet header. In the netem lane 3000 probes of 44 bytes every 200 us at
# 64 kbit/s gave 1082 through, the last 7.25 s late; the engine must do the same.
out=$("$RDPREPRO" linkcheck --rate 64kbit --count 3000 2>&1 || true)
got=$(sed -n 's/^probes: 3000 sent every 200 us, \([0-9]*\) received.*/\1/p' <<<"$out")
late=$(sed -n 's/^delay: .* max \([0-9]*\)\.[0-9]* .*/\1/p' <<<"$out")
if [ -n "$got" ] && [ "$got" -ge 1060 ] && [ "$got" -le 1105 ] && [ -n "$late" ] &&
	[ "$late" -ge 7100 ] && [ "$late" -le 7400 ]; then
	passes=$((passes + 1))
	printf '[ OK ] a burst on 64 kbit/s: %s of 3000 through (netem 1082), the last %s ms late (7253)\n' "$got" "$late"
else
	fails=$((fails + 1))
	printf '[FAIL] a burst on 64 kbit/s: %s of 3000 through, last %s ms late; want 1082 +-2%%, 7253 ms +-2%%\n%s\n' \
		"${got:-?}" "${late:-?}" "$out"
fi
check "MTU 1200, ICMP blocked: a PMTUD black hole" --mtu 1200 --icmp blocked --count 200
check "MTU 1200, ICMP allowed: PMTUD works" --mtu 1200 --icmp allowed --count 200
printf '%d passed, %d failed\n' "$passes" "$fails"
[ "$fails" = 0 ]
