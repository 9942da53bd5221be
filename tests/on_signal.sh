# shellcheck shell=bash
# on_signal.sh, sourced by the tests that make a temporary directory: a signal (CTest's timeout,
# Ctrl-C, a kill of the process group) ends the test through its EXIT trap only after the
# command it is waiting on has ended. Untrapped, bash runs the EXIT trap at once, and a runner
# still writing its interrupted results (junit.xml, report.html) into that directory made it
# again after the trap removed it: two were left in /tmp by a killed make check (issue 37).
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
