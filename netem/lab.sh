#!/bin/bash
# lab.sh: the rdprepro lab, three network namespaces joined by veth pairs.
#
#   client ns (LAB-c)              router ns (LAB-r)                server ns (LAB-s)
#  +------------------+      +------------------------------+      +------------------+
#  | eth0 198.18.0.2  |------| c0 198.18.0.1   s0 198.18.1.1|------| eth0 198.18.1.2  |
#  | default via .0.1 | veth |   ip_forward=1 (shaping here) | veth | default via .1.1 |
#  +------------------+      +------------------------------+      +------------------+
#
# Addresses come from 198.18.0.0/15 (RFC 2544), used only inside these namespaces. Every
# link is created from inside a lab namespace (`ip -n`), so the host's own network namespace
# is never touched: no device, address, route, rule or sysctl of the host changes.
#
# Usage: lab.sh up LAB | down LAB | names LAB unresolvable|dead | list
#   LAB is rdpp-<owner pid>-<4 hex digits>, chosen by the runner (harness/lab.c).
#   up builds the lab, undoing its own partial work if a step fails; down removes it,
#   first killing any process still inside; both are idempotent. RDPREPRO_VERBOSE=1 echoes
#   every command. names gives the client namespace its own /etc/hosts and resolv.conf
#   (ip netns exec mounts /etc/netns/NS/* over /etc): the lab's server name,
#   rdp-server.lab, resolves to nothing, or to 198.18.1.99 where nothing answers; lookups go
#   to 127.0.0.1 inside the client namespace, so no query ever leaves the lab.
set -eu

PROG=lab.sh
# shellcheck source=netem/common.sh
. "$(dirname "$0")/common.sh"

CLIENT_ADDR=198.18.0.2
ROUTER_CADDR=198.18.0.1
ROUTER_SADDR=198.18.1.1
SERVER_ADDR=198.18.1.2

ns_exists() { [ -e "/run/netns/$1" ]; }

# batch NS: the ip commands on stdin, in namespace NS ("" for the runner's own, where only
# `netns add` is done), as one `ip -batch`.
batch() {
	local ns=$1 cmds
	cmds=$(cat)
	if [ "${RDPREPRO_VERBOSE:-0}" = 1 ]; then
		printf '+ %s%s -batch:\n%s\n' "$IP" "${ns:+ -n $ns}" "$cmds" >&2
	fi
	if [ -n "$ns" ]; then
		"$IP" -n "$ns" -batch - <<<"$cmds"
	else
		"$IP" -batch - <<<"$cmds"
	fi
}

lab_names() {
	local lab=$1 mode=$2 dir="/etc/netns/$1-c"
	case "$mode" in
	unresolvable | dead) ;;
	*) die "names: what is \"$mode\"? (unresolvable, dead)" ;;
	esac
	ns_exists "$lab-c" || die "lab $lab has no client namespace"
	run mkdir -p "$dir"
	printf '127.0.0.1 localhost\n' >"$dir/hosts"
	[ "$mode" = dead ] && printf '198.18.1.99 rdp-server.lab\n' >>"$dir/hosts"
	printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$dir/resolv.conf"
}

lab_down() {
	local lab=$1 ns pid
	local present=()
	for ns in "$lab-s" "$lab-r" "$lab-c"; do
		ns_exists "$ns" && present+=("$ns")
	done
	if [ ${#present[@]} -gt 0 ]; then
		# Processes inside keep a namespace alive after its name is gone: end them first.
		for pid in $(printf 'netns pids %s\n' "${present[@]}" | "$IP" -force -batch - 2>/dev/null || true); do
			kill -KILL "$pid" 2>/dev/null || true
		done
		# Deleting a namespace deletes its veth ends, and with them their peers.
		# -force: a namespace gone meanwhile does not keep the others.
		printf 'netns del %s\n' "${present[@]}" | run "$IP" -force -batch - || true
	fi
	# The client's own hosts and resolv.conf, if `names` made them.
	if [ -d "/etc/netns/$lab-c" ]; then
		run rm -rf "/etc/netns/$lab-c"
	fi
}

# endpoint NS ROUTER_DEV ROUTER_NS ADDR GATEWAY: NS's eth0, paired with ROUTER_DEV in the router.
endpoint() {
	batch "$1" <<-EOF
		link set lo up
		link add eth0 type veth peer name $2 netns $3
		addr add $4/24 dev eth0
		link set eth0 up
		route add default via $5
	EOF
}

lab_up() {
	local lab=$1 c="$1-c" r="$1-r" s="$1-s" ns
	for ns in "$c" "$r" "$s"; do
		ns_exists "$ns" && die "lab $lab already exists"
	done
	# Any failure below leaves through this trap, which removes what was made. The name is
	# expanded now (it was validated by check_name): the local is gone when EXIT fires.
	# shellcheck disable=SC2064
	trap "lab_down '$lab'" EXIT
	# One `ip -batch` per namespace (the commands of each, in order; a failing line stops it
	# with its line number): four processes instead of nineteen, about 30 ms less per lab.
	batch "" <<-EOF
		netns add $c
		netns add $r
		netns add $s
	EOF
	# veth pairs made inside the lab: eth0 in the client or server ns, c0/s0 in the router.
	endpoint "$c" c0 "$r" "$CLIENT_ADDR" "$ROUTER_CADDR"
	endpoint "$s" s0 "$r" "$SERVER_ADDR" "$ROUTER_SADDR"
	batch "$r" <<-EOF
		link set lo up
		addr add $ROUTER_CADDR/24 dev c0
		addr add $ROUTER_SADDR/24 dev s0
		link set c0 up
		link set s0 up
	EOF
	# Per-namespace sysctl: the router forwards; the host's own setting is not changed.
	run "$IP" netns exec "$r" sysctl -q -w net.ipv4.ip_forward=1

	# Ready when the server answers the client through the router (no fixed sleep: ping
	# itself waits up to its deadline).
	run "$IP" netns exec "$c" ping -q -c 1 -W 2 "$SERVER_ADDR" >/dev/null ||
		die "lab $lab: $CLIENT_ADDR cannot reach $SERVER_ADDR through the router"
	trap - EXIT
}

lab_list() {
	local f
	for f in /run/netns/rdpp-*; do
		[ -e "$f" ] || continue
		printf '%s\n' "${f##*/}"
	done
}

main() {
	[ $# -ge 1 ] || die "usage: lab.sh up LAB | down LAB | list"
	case "$1" in
	up)
		[ $# -eq 2 ] || die "usage: lab.sh up LAB"
		check_lab_name "$2"
		lab_up "$2"
		;;
	down)
		[ $# -eq 2 ] || die "usage: lab.sh down LAB"
		check_lab_name "$2"
		lab_down "$2"
		;;
	names)
		[ $# -eq 3 ] || die "usage: lab.sh names LAB unresolvable|dead"
		check_lab_name "$2"
		lab_names "$2" "$3"
		;;
	list) lab_list ;;
	*) die "what is \"$1\"? (up, down, names, list)" ;;
	esac
}

main "$@"
