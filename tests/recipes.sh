#!/bin/bash
# recipes.sh: the sharding recipes in docs/recipes/, tried as far as a machine without Slurm,
# Kubernetes or GitHub's runners allows: each file parses (YAML, bash); the shard count each
# recipe declares matches the one it hands rdprepro; and each engine's environment, as the
# engine sets it for each of its 4 tasks, gives shards whose `--list`s together are the whole
# catalog, each scenario once.
#
# Usage: recipes.sh RDPREPRO SOURCE_DIR
set -u
RDPREPRO=$1
SRC=$2
R="$SRC/docs/recipes"
fails=0
fail() { echo "[FAIL] recipes: $*"; fails=$((fails + 1)); }
cd "$SRC" || exit 1

bash -n "$R/slurm-array.sh" || fail "slurm-array.sh: bash -n"
grep -q '^#SBATCH --array=1-4$' "$R/slurm-array.sh" || fail "slurm-array.sh: no --array=1-4"
# The YAML recipes: the facts they promise, read with awk (the tests are Python-free; the
# recipes are short and keep one fact a line).
gh=$R/github-actions.yml k8s=$R/k8s-indexed-job.yaml
n=$(sed -n 's/^ *shard: \[\(.*\)\]$/\1/p' "$gh" | tr ',' '\n' | grep -c '[0-9]')
grep -Eq "^ *RDPREPRO_SHARD: .*/$n$" "$gh" || fail "github-actions.yml: RDPREPRO_SHARD is not I/$n for a matrix of $n"
for i in $(seq 1 "$n"); do
	grep -Eq "^ *- run: .*rdprepro merge .*results-$i( |$)" "$gh" ||
		fail "github-actions.yml: the merge step takes no results-$i"
done
grep -Eq '^ *completionMode: Indexed$' "$k8s" || fail "k8s-indexed-job.yaml: not an Indexed Job"
completions=$(sed -n 's/^ *completions: *\([0-9]*\)$/\1/p' "$k8s")
shards=$(awk '/name: RDPREPRO_SHARDS/ { getline; gsub(/[^0-9]/, "", $2); print $2 }' "$k8s")
if [ -z "$completions" ] || [ "$shards" != "$completions" ]; then
	fail "k8s-indexed-job.yaml: RDPREPRO_SHARDS ($shards) is not spec.completions ($completions)"
fi

all=$("$RDPREPRO" run --list scenarios/ | sort)
# Slurm: --array=1-4 (MIN 1); Kubernetes: JOB_COMPLETION_INDEX 0..3 with RDPREPRO_SHARDS=4.
got=""
for i in 1 2 3 4; do
	got+=$(SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4 \
		"$RDPREPRO" run --shard auto --list scenarios/ 2>/dev/null)$'\n'
done
[ "$(printf '%s' "$got" | grep . | sort)" = "$all" ] || fail "Slurm: the shards are not the catalog once"
got=""
for i in 0 1 2 3; do
	got+=$(JOB_COMPLETION_INDEX=$i RDPREPRO_SHARDS=4 "$RDPREPRO" run --shard auto --list scenarios/ 2>/dev/null)$'\n'
done
[ "$(printf '%s' "$got" | grep . | sort)" = "$all" ] || fail "Kubernetes: the shards are not the catalog once"
got=""
for i in 1 2 3 4; do
	got+=$(RDPREPRO_SHARD=$i/4 "$RDPREPRO" run --list scenarios/ 2>/dev/null)$'\n'
done
[ "$(printf '%s' "$got" | grep . | sort)" = "$all" ] || fail "GitHub (RDPREPRO_SHARD): the shards are not the catalog once"
# An index outside the count is refused, not run as some other shard.
rc=0
JOB_COMPLETION_INDEX=4 RDPREPRO_SHARDS=4 "$RDPREPRO" run --shard auto --list scenarios/ >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "JOB_COMPLETION_INDEX=4 of 4 gave exit $rc, not 2"
[ "$fails" = 0 ] && echo "[ OK ] recipes: GitHub Actions matrix, Slurm array, Kubernetes Indexed Job: $(echo "$all" | wc -l) scenarios in 4 shards each"
[ "$fails" = 0 ]
