#!/bin/bash
# vm_cache.sh SOURCE_DIR: the netem guest's cache (netem/vm) is used only when complete, from an
# empty cache, after a failed step, and from the two half-made caches seen in the field:
#   1. an empty cache where depmod fails (kmod missing, as on a fresh machine): setup stops
#      with the reason, the kernel is not marked complete, check FAILs (exit 1) saying why:
#      a broken step is not a machine that cannot run a guest;
#   2. the same cache afterwards, depmod working: check fetches the kernel again and passes;
#   3. modules.dep removed (what a silent depmod failure left): check rebuilds and passes;
#   4. veth.ko unloadable, modules.dep present (the guest cannot make the lab's links): the
#      guest probe fails, check rebuilds the cache once and passes;
#   5. a check killed while its guest boots leaves no temporary behind.
# Each check boots a guest that makes a veth pair with netem on it (~7 s).
# Exit 77 (SKIP) where no guest can run: not root, no qemu.
set -eu
SRC=$(cd "$1" && pwd)
VM=$SRC/netem/vm
QEMU=${RDPREPRO_QEMU:-qemu-system-x86_64}
if [ "$(id -u)" != 0 ]; then
	echo "[SKIP] vm_cache: needs root (apt-get download into the cache)"
	exit 77
fi
if ! command -v "$QEMU" >/dev/null; then
	echo "[SKIP] vm_cache: $QEMU is not installed"
	exit 77
fi
WORK=$(mktemp -d /tmp/rdprepro-vmcache.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/on_signal.sh"
export RDPREPRO_VM_CACHE=$WORK/cache
fails=0
ok() { printf '[ OK ] %s\n' "$1"; }
fail() { printf '[FAIL] %s\n' "$1"; fails=$((fails + 1)); }
ver() { cat "$RDPREPRO_VM_CACHE/kernel/.complete" 2>/dev/null; }

# 1. A depmod that fails, first on PATH.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\necho "depmod: simulated failure" >&2\nexit 1\n' >"$WORK/bin/depmod"
chmod +x "$WORK/bin/depmod"
rc=0
out=$(PATH=$WORK/bin:$PATH "$VM" setup 2>&1) || rc=$?
if [ "$rc" != 0 ] && grep -q 'depmod -b .* failed' <<<"$out" && [ -z "$(ver)" ]; then
	ok "failing depmod: setup stops ($out), the kernel is not marked complete"
else
	fail "failing depmod: setup exit $rc, output: $out; stamp: $(ver)"
fi
rc=0
out=$(PATH=$WORK/bin:$PATH "$VM" check 2>&1) || rc=$?
if [ "$rc" = 1 ] && grep -q 'cannot prepare the guest: .*depmod' <<<"$out"; then
	ok "failing depmod: check FAILs with the reason"
else
	fail "failing depmod: check exit $rc (want 1), output: $out"
fi

# 2. The same half-made cache, depmod working again: healed.
rc=0
out=$("$VM" check 2>&1) || rc=$?
if [ "$rc" = 0 ] && [ -n "$(ver)" ]; then
	ok "half-made cache, depmod back: check passes (kernel $(ver))"
else
	fail "half-made cache, depmod back: check exit $rc, output: $out"
fi

# 3. modules.dep gone.
rm -f "$RDPREPRO_VM_CACHE/kernel/lib/modules/$(ver)/modules.dep"
rc=0
out=$("$VM" check 2>&1) || rc=$?
if [ "$rc" = 0 ] && [ -s "$RDPREPRO_VM_CACHE/kernel/lib/modules/$(ver)/modules.dep" ]; then
	ok "no modules.dep: check fetched the kernel again and passes"
else
	fail "no modules.dep: check exit $rc, output: $out"
fi

# 4. veth.ko unloadable behind a good modules.dep: only the guest can tell.
veth=$(find "$RDPREPRO_VM_CACHE/kernel/lib/modules" -name 'veth.ko*' | head -n 1)
if [ -n "$veth" ]; then
	printf 'not a module\n' >"$veth"
	rc=0
	out=$("$VM" check 2>&1) || rc=$?
	if [ "$rc" = 0 ] && grep -q 'rebuilding the cache' <<<"$out" && ! grep -q 'not a module' "$veth"; then
		ok "unloadable veth: the guest probe failed, check rebuilt the cache and passes"
	else
		fail "unloadable veth: check exit $rc, output: $out"
	fi
else
	fail "no veth module in the cached kernel"
fi
# 5. A check killed while its guest boots (make check's TERM to its process group) leaves no
# temporary behind. Its probe directory is made under TMPDIR's /tmp name; this one's own.
before=$(ls -d /tmp/rdprepro-vmcheck.* 2>/dev/null | sort)
setsid "$VM" check >"$WORK/killed.out" 2>&1 &
pid=$!
for _ in $(seq 100); do
	[ "$(ls -d /tmp/rdprepro-vmcheck.* 2>/dev/null | sort)" != "$before" ] && break
	sleep 0.1
done
made=$(comm -13 <(printf '%s\n' "$before") <(ls -d /tmp/rdprepro-vmcheck.* 2>/dev/null | sort))
kill -TERM -- "-$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ -n "$made" ] && [ ! -e "$made" ]; then
	ok "a check killed while its guest boots leaves no temporary"
else
	fail "a killed check: made '${made:-nothing}', left: $(ls -d $made 2>&1)"
fi
[ "$fails" = 0 ] || exit 1
echo "[ OK ] vm_cache: the guest's cache is used only when complete"
