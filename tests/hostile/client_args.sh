#!/bin/bash
# Scenario client options by allow-list (issue 29, docs/scenario-format.md#client-options): a
# scenario's [client] args go to FreeRDP's parser as root, so one option of each class that
# would load code, name a file, leave the lab, read more arguments, or that is unknown or out of
# range is refused at parse time, for the probe and for xfreerdp3, by `run --list` and `run`:
# exit 2, FILE:LINE and the reason, and nothing done (no secrets file, no planted library's
# constructor run, no program run, no result folder). `rdprepro probe -- ARGS` refuses the same
# before FreeRDP sees them. A FIFO, a directory, a device or a symlink to a FIFO named x.scn,
# in a directory or given directly, is refused at once: it never blocks.
#
#   x.scn (hostile args) --> rdprepro run [--list] --X--> FreeRDP's parser (never reached)
#                        \-> rdprepro probe -- ARGS --X--> freerdp_client_settings_parse_...
#
# Usage: client_args.sh RDPREPRO SRC BUILD.
set -eu
bin=$1 src=$2
# shellcheck source=tests/hostile/common.inc
. "$src/tests/hostile/common.inc"

work=$(mktemp -d /tmp/rdprepro-test-args.XXXXXX)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/on_signal.sh
. "$(dirname "$0")/../on_signal.sh"
marker=$work/constructor-ran
ran=$work/program-ran
secrets=$work/tls-secrets

# A library whose constructor leaves a marker: if FreeRDP ever loaded it, the marker is there.
so=$work/evil.so
if command -v cc >/dev/null && printf '%s\n' '#include <stdio.h>' \
	"__attribute__((constructor)) static void ran(void) { fclose(fopen(\"$marker\", \"w\")); }" \
	>"$work/evil.c" && cc -shared -fPIC -o "$so" "$work/evil.c" 2>"$work/cc.err"; then
	have_so=1
else
	have_so=0
	printf '[SKIP] the planted library: no working cc, so its marker is not looked for (the '
	printf 'refusal still is)\n'
fi
# A program that leaves a marker, for /rdp2tcp:; a file of more arguments, for /args-from:.
printf '#!/bin/sh\n: >"%s"\n' "$ran" >"$work/prog"
chmod +x "$work/prog"
printf '/tls:secrets-file:%s\n' "$secrets" >"$work/more-args"

# One option of each class: the token and the class its reason must name.
cases=(
	"/kerberos:pkcs11-module:$so|loads code"
	"/tls:secrets-file:$secrets|names a file"
	"/v:$work/rdp.sock|leaves the lab"
	"/rdp2tcp:$work/prog|loads code"
	"/drive:x,$work|redirects a device or a channel"
	"/args-from:$work/more-args|reads more arguments from elsewhere"
	"/no-such-option|unknown option"
	"/timeout:600001|bad value"
)

# scenario FILE TOKEN PROGRAM: a scenario whose args (line 4) end in TOKEN.
scenario() {
	local file=$1 token=$2 program=$3
	{
		printf '[scenario]\nsummary = hostile client args\n[client]\n'
		printf 'args = /sec:nla /cert:ignore %s\n' "$token"
		[ "$program" = probe ] || printf 'program = xfreerdp\n'
		printf '[expect]\nverdict = connected\n'
	} >"$file"
}

# nothing_done NAME: no file any case could have made.
nothing_done() {
	local name=$1 f
	for f in "$secrets" "$ran" "$marker" "$work/results"; do
		if [ -e "$f" ]; then
			fail "$name: $f exists: something ran"
			rm -rf "$f"
			return
		fi
	done
	ok "$name: nothing done (no secrets file, no program run, no library loaded, no results)"
}

# ERE-quoted: the token goes into a pattern.
quote_ere() {
	printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'
}

n=0
for c in "${cases[@]}"; do
	token=${c%|*} class=${c##*|}
	for program in probe xfreerdp; do
		n=$((n + 1))
		file=$work/case$n.scn
		scenario "$file" "$token" "$program"
		pat="^$(quote_ere "$file"):4: client args: \"$(quote_ere "$token")\" is not allowed \\($class"
		for verb in "run --list" "run --results $work/results"; do
			rc=0
			# shellcheck disable=SC2086 # the verb is two or three words
			timeout 60 "$bin" $verb "$file" >"$work/out" 2>&1 || rc=$?
			expect_refused "$program ${verb%% *}${verb#run}: $token" "$rc" "$work/out" "$pat"
		done
	done
done
nothing_done "every class, probe and xfreerdp3"

# The probe itself, as `rdprepro probe ... -- ARGS`: refused before FreeRDP's parser.
printf 'x\n' >"$work/password"
for c in "${cases[@]}"; do
	token=${c%|*} class=${c##*|}
	rc=0
	timeout 60 "$bin" probe --host 192.0.2.1 --user u --password-file "$work/password" \
		--out "$work/results" --deadline 1s -- /sec:nla "$token" >"$work/out" 2>&1 || rc=$?
	expect_refused "probe -- $token" "$rc" "$work/out" \
		"^rdprepro probe: \"$(quote_ere "$token")\" is not allowed \\($class"
done
nothing_done "rdprepro probe -- ARGS"
if [ "$have_so" = 1 ]; then
	# The control: loaded, the planted library does leave its marker, so that its absence
	# above means something.
	printf '#include <dlfcn.h>\nint main(void) { return dlopen("%s", RTLD_NOW) ? 0 : 1; }\n' \
		"$so" >"$work/load.c"
	if cc -o "$work/load" "$work/load.c" -ldl && "$work/load" && [ -e "$marker" ]; then
		ok "control: the planted library, loaded, leaves its marker"
	else
		fail "control: the planted library left no marker when loaded"
	fi
	rm -f "$marker"
fi

# Special files named x.scn: refused with the reason, never waited on.
special() {
	local name=$1 dir=$work/special-$1 rc
	mkdir "$dir"
	case $name in
	fifo) mkfifo "$dir/x.scn" ;;
	directory) mkdir "$dir/x.scn" ;;
	device) ln -s /dev/zero "$dir/x.scn" ;;
	fifo-link) mkfifo "$dir/f" && ln -s f "$dir/x.scn" ;;
	esac
	for target in "$dir" "$dir/x.scn"; do
		rc=0
		timeout 10 "$bin" run --list "$target" >"$work/out" 2>&1 || rc=$?
		if [ "$rc" = 124 ]; then
			fail "$name ($target): still waiting after 10 s"
		elif [ "$target" = "$dir" ]; then
			expect_refused "$name named x.scn, in a directory" "$rc" "$work/out" \
				"^$(quote_ere "$dir/x.scn"): not a regular file \\(.*\\): refused"
		elif [ "$name" = directory ]; then
			# A directory given is one of scenarios, whatever its name: an empty one here.
			expect_refused "$name named x.scn, given" "$rc" "$work/out" "no scenario selected"
		else
			expect_refused "$name named x.scn, given" "$rc" "$work/out" \
				"^$(quote_ere "$dir/x.scn"): not a regular file \\(.*\\): refused"
		fi
	done
}
for s in fifo directory device fifo-link; do special "$s"; done
rc=0
timeout 10 "$bin" run --results "$work/results" "$work/special-fifo/x.scn" >"$work/out" 2>&1 ||
	rc=$?
expect_refused "fifo named x.scn, run" "$rc" "$work/out" "x\\.scn: not a regular file \\(a FIFO\\)"
hostile_end
