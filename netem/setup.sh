#!/bin/bash
# setup.sh: install what rdprepro needs to build and run, on Debian 12 (bookworm), as root.
#
# FreeRDP 3 is not in bookworm's main suite; bookworm-backports carries 3.10.x, so this
# enables that suite (one deb822 file) and installs FreeRDP from it. Everything else comes
# from the main suite. Idempotent: a machine that has everything returns at once.
set -eu

BACKPORTS_FILE=/etc/apt/sources.list.d/rdprepro-bookworm-backports.sources
# Packages from bookworm-backports (FreeRDP 3 and WinPR 3).
BPO_PKGS="freerdp3-dev libwinpr3-dev winpr3-utils freerdp3-x11 freerdp3-shadow-x11"
# Packages from the main suite. Why each is here: docs/dependencies.md.
MAIN_PKGS="build-essential binutils cmake pkg-config check libjson-c-dev libinih-dev libssl-dev
libxml2-dev libxml2-utils libevtx-dev libbfio-dev libevtx-utils libnetfilter-queue-dev xrdp xvfb nftables iptables iproute2 iputils-ping tcpdump procps
valgrind chromium-headless-shell"
# The qemu guest (netem/vm: `run --vm`, runs where no namespace can be had, make check-netem):
# qemu, busybox-static, cpio, xz and kmod (depmod indexes the guest kernel's modules); setup
# then fetches and caches the guest's kernel. `setup.sh fuzz` (make fuzz) adds clang and its
# libFuzzer runtime; `setup.sh netem` (make check-netem) runs the guest's setup even where
# no package was missing.
MAIN_PKGS="$MAIN_PKGS qemu-system-x86 busybox-static cpio xz-utils kmod"
# `rdprepro sweep` draws its curves and maps with gnuplot (SVG and, through cairo, PNG);
# The report's screenshot is decoded with netpbm (tests/report_html.sh).
MAIN_PKGS="$MAIN_PKGS gnuplot-nox netpbm"
# The tests check JSON with jq (tests/sweep.sh, tests/hostile/artifacts.sh) and, where it is there,
# the order of a process's system calls with strace (tests/hostile/privileges.sh).
MAIN_PKGS="$MAIN_PKGS jq strace"
FUZZ_PKGS="clang libclang-rt-14-dev"

die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

missing_pkgs() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			printf '%s ' "$p"
	done
}

main() {
	local need_main need_bpo
	case "${1:-}" in
	fuzz) MAIN_PKGS="$MAIN_PKGS $FUZZ_PKGS" ;;
	esac
	# shellcheck disable=SC2086 # word splitting of the package lists is intended
	need_main=$(missing_pkgs $MAIN_PKGS)
	# shellcheck disable=SC2086
	need_bpo=$(missing_pkgs $BPO_PKGS)
	if [ -z "$need_main$need_bpo" ]; then
		echo "setup: all packages present"
		return 0
	fi
	NEW_PKGS=1
	if [ "$(id -u)" != 0 ]; then
		die "not root; run as root: sudo $0 (missing: $need_main$need_bpo)"
	fi
	if ! grep -qs 'VERSION_CODENAME=bookworm' /etc/os-release; then
		die "not Debian 12 (bookworm); install by hand the equivalents of: $need_main$need_bpo"
	fi
	if [ ! -f "$BACKPORTS_FILE" ] && ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		# Reuse the mirror the machine already uses for the main suite.
		local uri
		uri=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
		[ -n "$uri" ] || uri=$(awk '/^deb .*bookworm main/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
		[ -n "$uri" ] || uri="http://deb.debian.org/debian"
		printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
			"$uri" >"$BACKPORTS_FILE"
		echo "setup: enabled bookworm-backports in $BACKPORTS_FILE"
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	if [ -n "$need_main" ]; then
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $need_main
	fi
	if [ -n "$need_bpo" ]; then
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends -t bookworm-backports $need_bpo
	fi
	# xrdp's package enables and starts its services where systemd runs: the lab starts its
	# own xrdp inside a namespace, and nothing of ours may listen in the host's namespace.
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
		systemctl disable --now xrdp.service xrdp-sesman.service 2>/dev/null || true
	fi
}

NEW_PKGS=""
main "$@"
# /etc/netns, where `ip netns exec` finds a namespace's own hosts file: a run as root makes it,
# a rootless run can only mount its private tmpfs on it (rootless.c), so it must exist first.
[ "$(id -u)" != 0 ] || mkdir -p /etc/netns
# The guest's kernel and initramfs, cached (root's cache, which other users read: `run` as
# them boots it without fetching). Where that cannot be done, a run that needs a guest says
# why, and make check-netem is SKIP with the reason (tests/check_netem.sh asks netem/vm check).
# Fetched when packages were installed, or asked for (setup.sh netem); a cache that is
# complete costs one apt-cache call.
if [ "$(id -u)" = 0 ] && { [ -n "$NEW_PKGS" ] || [ "${1:-}" = netem ] || [ ! -f "${RDPREPRO_VM_CACHE:-/var/cache/rdprepro-vm}/kernel/.complete" ]; }; then
	"$(dirname "$0")/vm" setup || echo "setup: the qemu guest cannot be prepared here (see above)"
fi
