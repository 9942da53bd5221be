#!/bin/bash
# rootless.sh: the catalog without root. As an unprivileged user (nobody, when this runs as
# root), `rdprepro run` moves into a user namespace of its own and its scenarios pass; the
# host's namespaces and /run/netns are as before. Where user namespaces are not allowed
# (simulated: user.max_user_namespaces = 0 inside a user namespace), the run goes into a qemu
# guest and its scenarios pass there; where no guest can boot either, every scenario is SKIP
# with the reasons, exit 77, never PASS.
#
# Usage: rootless.sh RDPREPRO SOURCE_DIR     (exit 77: this kernel allows no user namespaces)
set -eu

RDPREPRO=$1
SRC=$2
WORK=$(mktemp -d /tmp/rdprepro-rootless.XXXXXX)
chmod 0777 "$WORK"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"

as_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

if ! as_user unshare --user --map-root-user --net true 2>/dev/null; then
	echo "[SKIP] rootless: this kernel or container allows no unprivileged user namespaces"
	exit 77
fi

host_state() {
	ip netns list 2>/dev/null | grep '^rdpp-' || true
	find /run/netns /etc/netns -maxdepth 1 -name 'rdpp-*' 2>/dev/null || true
}
host_state >"$WORK/before"

# 1. Three scenarios that need the lab, its shaping, per-namespace hosts files and nft.
as_user "$RDPREPRO" run --jobs 2 --results "$WORK/r1" "$SRC/scenarios/baseline.scn" \
	"$SRC/scenarios/firewall-reset-tls.scn" "$SRC/scenarios/dns-unresolvable.scn" \
	"$SRC/scenarios/packet-loss.scn" >"$WORK/out1" 2>&1 || {
	echo "[FAIL] rootless run"; cat "$WORK/out1"; exit 1; }
grep -q 'running in a user namespace of its own' "$WORK/out1" || {
	echo "[FAIL] the run did not say it was rootless"; cat "$WORK/out1"; exit 1; }
grep -q '^4 passed, 0 failed, 0 skipped, 0 errors' "$WORK/out1" || {
	echo "[FAIL] rootless scenarios"; cat "$WORK/out1"; exit 1; }
echo "[ OK ] as $(as_user id -un): 4 scenarios passed in a user namespace of their own"
host_state >"$WORK/after"
diff -u "$WORK/before" "$WORK/after" || { echo "[FAIL] the host's namespaces changed"; exit 1; }
echo "[ OK ] the host's namespaces and /run/netns as before"

# 2. No user namespace to be had (simulated: user.max_user_namespaces = 0 inside a user
#    namespace, as an unprivileged container's seccomp profile refuses them): the run goes
#    into a qemu guest (TCG: no privilege, no /dev/kvm), says so, and its scenarios pass there;
#    no qemu and no file of the lane's is left. Where no guest can boot here, SKIP, exit 77.
no_userns() {
	# shellcheck disable=SC2016 # expanded by the inner sh, from its arguments
	as_user unshare --user --map-root-user sh -c \
		'echo 0 >/proc/sys/user/max_user_namespaces && shift && exec "$@"' sh x "$@"
}
# 77: no guest can boot here (the guest's part is not tried); any other failure is a broken
# lane, not a machine without one.
guest_rc=0
why=$("$SRC/netem/vm" check 2>&1) || guest_rc=$?
case "$guest_rc" in
0 | 77) ;;
*) echo "[FAIL] netem/vm check: $why"; exit 1 ;;
esac
if [ "$guest_rc" = 0 ]; then
	rc=0
	no_userns "$RDPREPRO" run --jobs 2 --results "$WORK/r2" "$SRC/scenarios/baseline.scn" \
		"$SRC/scenarios/firewall-reset-tls.scn" "$SRC/scenarios/dns-unresolvable.scn" \
		>"$WORK/out2" 2>&1 || rc=$?
	[ "$rc" = 0 ] || { echo "[FAIL] without user namespaces, in a guest: exit $rc"; cat "$WORK/out2"; exit 1; }
	grep -q 'no network namespace here .*running the scenarios in a qemu guest' "$WORK/out2" || {
		echo "[FAIL] the run did not say it went into a guest"; cat "$WORK/out2"; exit 1; }
	grep -q '^3 passed, 0 failed, 0 skipped, 0 errors' "$WORK/out2" || {
		echo "[FAIL] the guest's scenarios"; cat "$WORK/out2"; exit 1; }
	for f in junit.xml results.tap baseline/result.json dns-unresolvable/report.txt; do
		[ -s "$WORK/r2/$f" ] || { echo "[FAIL] the guest's run left no $f in the results"; exit 1; }
	done
	owner=$(stat -c %U "$WORK/r2/junit.xml")
	[ "$owner" = "$(as_user id -un)" ] || { echo "[FAIL] junit.xml is owned by $owner"; exit 1; }
	left=$(find "$WORK/r2" -maxdepth 1 -name '.rdprepro-guest*')
	[ -z "$left" ] || { echo "[FAIL] the lane left $left"; exit 1; }
	if pgrep -f "path=$WORK/r2," >/dev/null; then
		echo "[FAIL] a qemu of the run is still there"; exit 1
	fi
	echo "[ OK ] without user namespaces: 3 scenarios passed in a qemu guest ($(grep -o 'TCG\|KVM' "$WORK/out2" | head -n 1), $(grep -o '[0-9.]* s in all' "$WORK/out2")), results owned by $owner, nothing of the lane left"
else
	echo "[ -- ] no guest can boot here ($why): the guest's part is not tried"
fi

# 3. Neither namespaces nor a guest (simulated: no qemu): every scenario is SKIP with both
#    reasons, exit 77, never PASS.
rc=0
RDPREPRO_QEMU=/nonexistent/qemu-system-x86_64 no_userns "$RDPREPRO" run --skip-code 77 \
	--results "$WORK/r3" "$SRC/scenarios/baseline.scn" >"$WORK/out3" 2>&1 || rc=$?
[ "$rc" = 77 ] || { echo "[FAIL] without user namespaces or a guest: exit $rc, want 77"; cat "$WORK/out3"; exit 1; }
grep -q '^\[SKIP\] baseline: .*nor a user namespace.*nor a qemu guest' "$WORK/out3" || {
	echo "[FAIL] no SKIP reason"; cat "$WORK/out3"; exit 1; }
echo "[ OK ] without user namespaces or a guest: SKIP, with both reasons"

# 4. --no-vm keeps the SKIP without trying a guest.
rc=0
no_userns "$RDPREPRO" run --no-vm --skip-code 77 --results "$WORK/r4" "$SRC/scenarios/baseline.scn" \
	>"$WORK/out4" 2>&1 || rc=$?
[ "$rc" = 77 ] && ! grep -q 'qemu guest' "$WORK/out4" || {
	echo "[FAIL] --no-vm: exit $rc"; cat "$WORK/out4"; exit 1; }
echo "[ OK ] --no-vm: SKIP, no guest tried"
