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
skips=0

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
# in a run moves the median (seen on a VM with 25 % stolen time: 20 ms measured 22.6-25.0 ms at
# 5000 probes/s, the engine at 40 % of a core; 20.1 ms at 1000/s). They run at 1000 probes/s
# (bench/fidelity.sh holds the faster, longer runs).
# Such a measure gets a second run when the first is out of bounds, and says so; two runs
# out of bounds fail, so an engine that is off fails every time.
# The share of CPU time the hypervisor stole from this machine since the last call
# (/proc/stat's steal column against all), in whole percent; sets STOLE.
cpu_mark() {
	local _ u n sy id io irq sirq st total
	read -r _ u n sy id io irq sirq st _ </proc/stat
	total=$((u + n + sy + id + io + irq + sirq + st))
	STOLE=$(((st - ${ST0:-$st}) * 100 / ((total - ${T0:-0}) > 0 ? (total - ${T0:-0}) : 1)))
	ST0=$st T0=$total
}

check_timed() {
	local title=$1 out out2 s1 s2
	shift
	cpu_mark
	if out=$("$RDPREPRO" linkcheck "$@" 2>&1); then
		passes=$((passes + 1))
		printf '[ OK ] %s\n' "$title"
		return
	fi
	cpu_mark
	s1=$STOLE
	if out2=$("$RDPREPRO" linkcheck "$@" 2>&1); then
		passes=$((passes + 1))
		printf '[ OK ] %s (the second measurement; the first was out, %d %% of the CPU stolen: %s)\n' \
			"$title" "$s1" "$(grep '\[FAIL\]' <<<"$out" | tr -s ' ' | tr '\n' ';')"
		return
	fi
	cpu_mark
	s2=$STOLE
	if [ "$s1" -ge 5 ] && [ "$s2" -ge 5 ]; then
		# Not the engine's timing that was measured, but the hypervisor's: no verdict.
		skips=$((skips + 1))
		printf '[SKIP] %s: out of bounds twice while the machine lost %d %% and %d %% of its CPU time to the hypervisor (steal): a 1 ms bound cannot be measured here\n%s\n' \
			"$title" "$s1" "$s2" "$(grep '\[FAIL\]' <<<"$out$out2")"
		return
	fi
	fails=$((fails + 1))
	printf '[FAIL] %s (twice; %d %% and %d %% of the CPU stolen)\n%s\n%s\n' "$title" "$s1" "$s2" "$out" "$out2"
}

check "random loss 10%" --loss 10% --count 5000 --interval-us 100
check "bursty loss (gemodel)" --loss "gemodel 2% 20% 80% 0%" --count 5000 --interval-us 100
check_timed "delay 20 ms, jitter 5 ms normal" --delay "20ms 5ms normal" --count 3000 --interval-us 1000
check "duplication 5%" --duplicate 5% --count 3000
check_timed "reordering 25%" --delay 20ms --reorder 25% --count 3000 --interval-us 1000
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
printf '%d passed, %d failed, %d skipped (not measurable here)\n' "$passes" "$fails" "$skips"
[ "$fails" = 0 ]
