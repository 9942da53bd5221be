#!/bin/bash
# rootless.sh: the catalog without root. As an unprivileged user (nobody, when this runs as
# root), `rdprepro run` moves into a user namespace of its own and its scenarios pass; the
# host's namespaces and /run/netns are as before. Where user namespaces are not allowed
# (simulated: user.max_user_namespaces = 0 inside a user namespace), every scenario is SKIP
# with the reason, exit 77, never PASS.
#
# Usage: rootless.sh RDPREPRO SOURCE_DIR     (exit 77: this kernel allows no user namespaces)
set -eu

RDPREPRO=$1
SRC=$2
WORK=$(mktemp -d /tmp/rdprepro-rootless.XXXXXX)
chmod 0777 "$WORK"
trap 'rm -rf "$WORK"' EXIT

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

# 2. No user namespace to be had: SKIP with the reason, exit 77.
rc=0
# shellcheck disable=SC2016 # expanded by the inner sh, from its arguments
as_user unshare --user --map-root-user sh -c \
	'echo 0 >/proc/sys/user/max_user_namespaces && exec "$0" run --skip-code 77 --results "$1" "$2"' \
	"$RDPREPRO" "$WORK/r2" "$SRC/scenarios/baseline.scn" >"$WORK/out2" 2>&1 || rc=$?
[ "$rc" = 77 ] || { echo "[FAIL] without user namespaces: exit $rc, want 77"; cat "$WORK/out2"; exit 1; }
grep -q '^\[SKIP\] baseline: .*nor a user namespace' "$WORK/out2" || {
	echo "[FAIL] no SKIP reason"; cat "$WORK/out2"; exit 1; }
echo "[ OK ] without user namespaces: SKIP, with the reason"
