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
cd "$SRC"

bash -n "$R/slurm-array.sh" || fail "slurm-array.sh: bash -n"
grep -q '^#SBATCH --array=1-4$' "$R/slurm-array.sh" || fail "slurm-array.sh: no --array=1-4"
if python3 -c 'import yaml' 2>/dev/null; then
	python3 - "$R/github-actions.yml" "$R/k8s-indexed-job.yaml" <<'PY' || fail "a YAML recipe is not what it says"
import sys, yaml
gh = yaml.safe_load(open(sys.argv[1]))
shard = gh["jobs"]["shard"]
n = len(shard["strategy"]["matrix"]["shard"])
assert shard["env"]["RDPREPRO_SHARD"].endswith("/%d" % n), shard["env"]
merge = " ".join(s.get("run", "") for s in gh["jobs"]["merge"]["steps"])
assert all("results-%d" % i in merge for i in range(1, n + 1)), merge
k = yaml.safe_load(open(sys.argv[2]))
spec = k["spec"]
assert spec["completionMode"] == "Indexed"
env = {e["name"]: e["value"] for e in spec["template"]["spec"]["containers"][0]["env"]}
assert int(env["RDPREPRO_SHARDS"]) == spec["completions"], (env, spec["completions"])
PY
else
	echo "[SKIP] recipes: YAML: python3-yaml is not installed"
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
