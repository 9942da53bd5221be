#!/bin/bash
# fault.sh: faults applied on the lab's router (see lab.sh for the topology).
#
# Usage: fault.sh port LAB closed|filtered [PORT]
#   closed:   the router answers the client's SYN with a TCP RST (a firewall that rejects;
#             what the client sees is exactly "connection refused")
#   filtered: the router drops the SYN (a firewall that drops: the client times out)
#
# Rules live in an nftables table of the router's own namespace, so they cannot touch the
# host's ruleset and vanish with the namespace. RDPREPRO_VERBOSE=1 echoes every command.
set -eu

IP=${IP:-ip}
TABLE=rdprepro

die() { printf 'fault.sh: %s\n' "$*" >&2; exit 1; }

run() {
	if [ "${RDPREPRO_VERBOSE:-0}" = 1 ]; then
		printf '+ %s\n' "$*" >&2
	fi
	"$@"
}

check_name() {
	case "$1" in
	rdpp-[0-9]*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]) ;;
	*) die "\"$1\" is not a lab name (rdpp-<pid>-<4 hex>)" ;;
	esac
	[ -e "/run/netns/$1-r" ] || die "lab $1 has no router namespace"
}

nft_router() {
	run "$IP" netns exec "$LAB-r" nft "$@"
}

ensure_table() {
	nft_router add table inet "$TABLE"
	# Forwarded traffic only: the router's own traffic is never filtered.
	nft_router add chain inet "$TABLE" forward '{ type filter hook forward priority 0; policy accept; }'
}

fault_port() {
	local mode=$1 port=$2
	case "$port" in
	'' | *[!0-9]*) die "bad port \"$port\"" ;;
	esac
	ensure_table
	case "$mode" in
	closed) nft_router add rule inet "$TABLE" forward iifname c0 tcp dport "$port" reject with tcp reset ;;
	filtered) nft_router add rule inet "$TABLE" forward iifname c0 tcp dport "$port" drop ;;
	*) die "port: what is \"$mode\"? (closed, filtered)" ;;
	esac
}

main() {
	[ $# -ge 2 ] || die "usage: fault.sh port LAB closed|filtered [PORT]"
	local verb=$1
	LAB=$2
	check_name "$LAB"
	case "$verb" in
	port)
		[ $# -ge 3 ] || die "usage: fault.sh port LAB closed|filtered [PORT]"
		fault_port "$3" "${4:-3389}"
		;;
	*) die "what is \"$verb\"? (port)" ;;
	esac
}

main "$@"
