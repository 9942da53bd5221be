#!/bin/bash
# fault.sh: faults applied on the lab's router (see lab.sh for the topology).
#
# Usage: fault.sh VERB LAB ARGS...
#   port LAB closed|filtered [PORT]
#       closed: the router answers the client's SYN with a TCP RST (a firewall that rejects;
#       the client sees "connection refused"); filtered: the router drops the SYN
#   queue LAB to-server|to-client QUEUE
#       hand that direction's forwarded packets to the userspace engine on NFQUEUE QUEUE
#       (iptables: nft's own `queue` expression is absent from this kernel)
#       a token bucket (tbf) on the router's egress toward that side
#   netem LAB to-server|to-client NETEM-WORDS...
#       tc netem on the router's egress toward that side (kernels that have sch_netem)
#   netem-probe LAB
#       exit 0 if this kernel has sch_netem with its `seed` option, 3 if it has netem without
#       seed, 1 if no netem (tried on the router's loopback, then removed)
#   mtu LAB MTU blocked|allowed
#       lower the MTU of the router's client-side link; "blocked" drops the ICMP
#       "fragmentation needed" the router sends back, making a PMTUD black hole
#   drop LAB on|off
#       all forwarded traffic stops (a tunnel that went down), or flows again
#   nat LAB SECONDS drop|reset
#       a stateful middlebox that forgets a TCP connection idle for SECONDS, then drops its
#       next packet, or answers it with a reset (conntrack, nf_conntrack_tcp_loose=0)
#
# Directions: to-server leaves the router on s0, to-client on c0.
# Rules live in an nftables table of the router's own namespace, so they cannot touch the
# host's ruleset and vanish with the namespace. RDPREPRO_VERBOSE=1 echoes every command.
set -eu

PROG=fault.sh
# shellcheck source=netem/common.sh
. "$(dirname "$0")/common.sh"

TABLE=rdprepro

check_name() {
	check_lab_name "$1"
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

egress_of() {
	case "$1" in
	to-server) echo s0 ;;
	to-client) echo c0 ;;
	*) die "what is \"$1\"? (to-server, to-client)" ;;
	esac
}

ingress_of() {
	case "$1" in
	to-server) echo c0 ;;
	to-client) echo s0 ;;
	*) die "what is \"$1\"? (to-server, to-client)" ;;
	esac
}

fault_queue() {
	local dev
	dev=$(ingress_of "$1")
	case "$2" in
	'' | *[!0-9]*) die "bad queue \"$2\"" ;;
	esac
	# No --queue-bypass: if the engine dies, the link dies with it, visibly, instead of
	# silently carrying unshaped traffic.
	run "$IP" netns exec "$LAB-r" iptables -w -t mangle -A FORWARD -i "$dev" -j NFQUEUE --queue-num "$2"
}

fault_netem() {
	local dev
	dev=$(egress_of "$1")
	shift
	# netem for the forwarded IPv4 traffic only, as the engine sees it: ARP and IPv6's own
	# chatter (neighbour and router solicitations, MLD) come at times of their own, and each
	# would take a draw from netem's seeded generator, so the n-th packet of the connection
	# would not meet the same fate from one run to the next. They go to band 2, unshaped.
	run "$IP" netns exec "$LAB-r" tc qdisc add dev "$dev" root handle 1: prio bands 2 \
		priomap 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
	run "$IP" netns exec "$LAB-r" tc qdisc add dev "$dev" parent 1:1 handle 10: netem "$@"
	run "$IP" netns exec "$LAB-r" tc filter add dev "$dev" parent 1: protocol ip prio 1 \
		u32 match u32 0 0 flowid 1:1
}

fault_netem_probe() {
	"$IP" netns exec "$LAB-r" tc qdisc add dev lo root netem delay 1ms 2>/dev/null || return 1
	"$IP" netns exec "$LAB-r" tc qdisc del dev lo root
	# netem's `seed` (Linux 6.6, iproute2 6.6): exit 3 when netem is here without it.
	"$IP" netns exec "$LAB-r" tc qdisc add dev lo root netem loss 1% seed 1 2>/dev/null || return 3
	"$IP" netns exec "$LAB-r" tc qdisc del dev lo root
}

fault_mtu() {
	local mtu=$1 icmp=$2
	case "$mtu" in
	'' | *[!0-9]*) die "bad mtu \"$mtu\"" ;;
	esac
	run "$IP" -n "$LAB-r" link set c0 mtu "$mtu"
	case "$icmp" in
	allowed) ;;
	blocked)
		nft_router add table inet "$TABLE"
		# The router's own ICMP leaves through OUTPUT, not FORWARD.
		nft_router add chain inet "$TABLE" output '{ type filter hook output priority 0; policy accept; }'
		nft_router add rule inet "$TABLE" output icmp type destination-unreachable icmp code frag-needed drop
		;;
	*) die "mtu: what is \"$icmp\"? (blocked, allowed)" ;;
	esac
}

fault_drop() {
	nft_router add table inet "$TABLE"
	# Its own chain, before the others: "off" flushes it and nothing else.
	nft_router add chain inet "$TABLE" tunnel '{ type filter hook forward priority -10; policy accept; }'
	case "$1" in
	on) nft_router add rule inet "$TABLE" tunnel drop ;;
	off) nft_router flush chain inet "$TABLE" tunnel ;;
	*) die "drop: what is \"$1\"? (on, off)" ;;
	esac
}

fault_nat() {
	local secs=$1 action=$2
	case "$secs" in
	'' | *[!0-9]*) die "bad timeout \"$secs\"" ;;
	esac
	nft_router add table inet "$TABLE"
	nft_router add chain inet "$TABLE" nat '{ type filter hook forward priority -5; policy accept; }'
	# The ct expression turns conntrack on in this namespace; the sysctls exist from then.
	case "$action" in
	drop) nft_router add rule inet "$TABLE" nat ct state invalid drop ;;
	reset) nft_router add rule inet "$TABLE" nat ct state invalid reject with tcp reset ;;
	*) die "nat: what is \"$action\"? (drop, reset)" ;;
	esac
	run "$IP" netns exec "$LAB-r" sysctl -q -w net.netfilter.nf_conntrack_tcp_loose=0 \
		"net.netfilter.nf_conntrack_tcp_timeout_established=$secs"
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
	[ $# -ge 2 ] || die "usage: fault.sh VERB LAB ARGS... (see the top of this file)"
	local verb=$1
	LAB=$2
	check_name "$LAB"
	case "$verb" in
	port)
		[ $# -ge 3 ] || die "usage: fault.sh port LAB closed|filtered [PORT]"
		fault_port "$3" "${4:-3389}"
		;;
	queue)
		[ $# -eq 4 ] || die "usage: fault.sh queue LAB to-server|to-client QUEUE"
		fault_queue "$3" "$4"
		;;
	netem)
		[ $# -ge 4 ] || die "usage: fault.sh netem LAB to-server|to-client WORDS..."
		shift 2
		fault_netem "$@"
		;;
	netem-probe)
		fault_netem_probe
		;;
	mtu)
		[ $# -eq 4 ] || die "usage: fault.sh mtu LAB MTU blocked|allowed"
		fault_mtu "$3" "$4"
		;;
	drop)
		[ $# -eq 3 ] || die "usage: fault.sh drop LAB on|off"
		fault_drop "$3"
		;;
	nat)
		[ $# -eq 4 ] || die "usage: fault.sh nat LAB SECONDS drop|reset"
		fault_nat "$3" "$4"
		;;
	*) die "what is \"$verb\"? (port, queue, netem, netem-probe, mtu, drop, nat)" ;;
	esac
}

main "$@"
