#!/bin/bash
# A Slurm array job: a sweep of loss 0-40 % in 4 shards, one node each (root, or a node where
# unprivileged user namespaces are allowed; elsewhere the run goes into a qemu guest).
#   sbatch docs/recipes/slurm-array.sh        then, when all 4 are done:
#   build/rdprepro merge sweep-loss-1 sweep-loss-2 sweep-loss-3 sweep-loss-4 --out sweep-loss
# `--shard auto` reads SLURM_ARRAY_TASK_ID, _MIN, _STEP and _COUNT (any --array=A-B[:S]).
#SBATCH --job-name=rdprepro-sweep
#SBATCH --array=1-4
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=01:00:00
#SBATCH --output=sweep-loss-%a.log
set -eu
cd "${SLURM_SUBMIT_DIR:-.}"
exec build/rdprepro sweep scenarios/baseline.scn --vary loss=0..40/5 --repeat 20 \
	--shard auto --out "sweep-loss-${SLURM_ARRAY_TASK_ID:?not in a Slurm array job}"
