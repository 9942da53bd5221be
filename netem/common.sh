#!/bin/bash
# common.sh: helpers shared by lab.sh and fault.sh (sourced; PROG names the caller).

IP=${IP:-ip}

die() {
	printf '%s: %s\n' "${PROG:-netem}" "$*" >&2
	exit 1
}

# Runs a command, echoing it first when RDPREPRO_VERBOSE=1 (rdprepro run -v).
run() {
	if [ "${RDPREPRO_VERBOSE:-0}" = 1 ]; then
		printf '+ %s\n' "$*" >&2
	fi
	"$@"
}

# A lab name is rdpp-<owner pid>-<4 hex digits> (harness/lab.c makes them).
check_lab_name() {
	case "$1" in
	rdpp-[0-9]*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]) ;;
	*) die "\"$1\" is not a lab name (rdpp-<pid>-<4 hex>)" ;;
	esac
}
