#!/bin/bash
# vm_panic.sh SOURCE_DIR: the guest's kernel survives what the labs do to it (issue 37).
# The labs add and remove clsact qdiscs and timestamping sockets all the time; each flips a
# static key, which the kernel patches live (text_poke_bp: an int3 first). Under multi-threaded
# TCG the other vCPU met that int3 before the emulator resynchronized it: "Oops: int3" in
# __dev_queue_xmit or netif_rx_internal, then a panic (3 boots in 3 within 8 s). The guest now
# runs single-threaded TCG; this flips those keys on one vCPU while the other sends through
# them, for STRESS_S seconds, and fails on an Oops or a panic.
# Exit 77 (SKIP) where no guest can boot here, with the reason.
set -eu
SRC=$(cd "$1" && pwd)
STRESS_S=${STRESS_S:-30}
rc=0
why=$("$SRC/netem/vm" check 2>&1) || rc=$?
if [ "$rc" != 0 ]; then
	echo "[SKIP] vm_panic: no guest can boot here: $why"
	exit 77
fi
WORK=$(mktemp -d /tmp/rdprepro-vmpanic.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
cat >"$WORK/stress.sh" <<'STRESS'
#!/bin/bash
# In the guest: flip the static keys on one side, send through them on the other.
ip link set lo up
end=$((SECONDS + $1))
( while [ $SECONDS -lt $end ]; do
	tc qdisc add dev lo clsact 2>/dev/null; tc qdisc del dev lo clsact 2>/dev/null
done ) &
( while [ $SECONDS -lt $end ]; do
	timeout 0.3 tcpdump -i lo -c 1 -w /dev/null >/dev/null 2>&1; ping -c1 -W1 127.0.0.1 >/dev/null 2>&1
done ) &
n=0
while [ $SECONDS -lt $end ]; do ping -f -c 2000 -q 127.0.0.1 >/dev/null 2>&1; n=$((n + 1)); done
wait
echo "stress done: $n floods" >"$2/stress.done"
STRESS
chmod 0755 "$WORK/stress.sh"
rc=0
# The guest's word comes back in the shared directory: its console's last lines may not
# reach the host before it powers off.
"$SRC/netem/vm" run --out "$WORK" --timeout $((STRESS_S + 120)) -- "$WORK/stress.sh" "$STRESS_S" \
	"$WORK" >"$WORK/out" 2>&1 || rc=$?
if grep -q -E 'Oops|Kernel panic' "$WORK/out" || [ "$rc" != 0 ] || [ ! -s "$WORK/stress.done" ]; then
	echo "[FAIL] vm_panic: the guest did not survive $STRESS_S s of static-key flips under traffic (exit $rc):"
	if grep -q -E 'Oops|Kernel panic' "$WORK/out"; then
		grep -E -A12 'Oops|Kernel panic' "$WORK/out" | head -30
	else
		tail -20 "$WORK/out"
	fi
	exit 1
fi
echo "[ OK ] vm_panic: $(cat "$WORK/stress.done"), $STRESS_S s of static-key flips under traffic, no Oops"
