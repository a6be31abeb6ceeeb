#!/usr/bin/env bash
# Submits a Touchstone profile to Slurm: a job array of N shards (ci/slurm/shard.sbatch) and a merge-and-gate job
# that runs when every shard succeeded (ci/slurm/merge.sbatch, --dependency=afterok). Prints both job ids and the
# merged run's folder; with --wait, waits for the gate and exits with its code (0 pass, 1 regression or a job that
# failed, 2 bad input). Run it from the repository after ./build.sh --target=Build, on a filesystem the nodes share.
#
#   ci/slurm/submit.sh [--profile nightly] [--shards 4] [--suite NAME]... [--set key.path=value]... [--device auto|cpu|cuda]
#                      [--cpus 1] [--gpus 0] [--time 04:00:00] [--partition P] [--results DIR] [--baselines DIR]
#                      [--seeds LIST] [--suites-dir DIR] [--no-tracking] [--wait] [-- more sbatch options for both jobs]
#
# --device auto (the default) trains on cuda in a task that was given a GPU (--gpus 1), else on cpu.
# Environment: MLFLOW_TRACKING_URI and friends are passed on to the jobs (--export=ALL).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
profile=nightly shards=4 device=auto cpus=1 gpus=0 time=04:00:00 partition="" wait=no tracking=on
results="$repo/results/runs" baselines="$repo/results/baselines" suites_dir="$repo/suites" seeds="" suites=() sets=() extra=()
die() { echo "submit: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --suite) suites+=("$2"); shift 2 ;;
    --set) [[ $2 =~ ^[^[:space:]]+=[^[:space:]]*$ ]] || die "--set '$2' must be key.path=value without spaces"; sets+=("$2"); shift 2 ;;
    --suites-dir) suites_dir=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --gpus) gpus=$2; shift 2 ;;
    --time) time=$2; shift 2 ;;
    --partition) partition=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --baselines) baselines=$2; shift 2 ;;
    --no-tracking) tracking=off; shift ;;
    --wait) wait=yes; shift ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown option '$1' (see the top of $0)" ;;
  esac
done
[[ $shards =~ ^[1-9][0-9]*$ ]] || die "--shards '$shards' must be a whole number >= 1"
[[ $cpus =~ ^[1-9][0-9]*$ ]] || die "--cpus '$cpus' must be a whole number >= 1"
[[ $gpus =~ ^[0-9]+$ ]] || die "--gpus '$gpus' must be a whole number"
command -v sbatch >/dev/null || die "sbatch is not on PATH: run this on a Slurm login node"
[[ -f $repo/src/Touchstone.Cli/bin/Release/net10.0/touchstone.dll ]] || die "build first: ./build.sh --target=Build"
mkdir -p "$results"
results=$(cd "$results" && pwd)
baselines=$(cd "$baselines" && pwd)
suites_dir=$(cd "$suites_dir" && pwd)

common=(--parsable --chdir="$repo")
[[ -n $partition ]] && common+=(--partition="$partition")
common+=("${extra[@]}")
export TOUCHSTONE_REPO="$repo" TOUCHSTONE_RESULTS="$results" TOUCHSTONE_PROFILE="$profile" TOUCHSTONE_DEVICE="$device" \
       TOUCHSTONE_SUITES="${suites[*]}" TOUCHSTONE_SET="${sets[*]}" TOUCHSTONE_SUITES_DIR="$suites_dir" TOUCHSTONE_SEEDS="$seeds" \
       TOUCHSTONE_BASELINES="$baselines" TOUCHSTONE_TRACKING="$tracking"

array_opts=(--array="1-$shards" --cpus-per-task="$cpus" --time="$time" --output="$results/slurm-%A-shard-%a.out")
[[ $gpus -gt 0 ]] && array_opts+=(--gres="gpu:$gpus")
array=$(sbatch "${common[@]}" "${array_opts[@]}" "$repo/ci/slurm/shard.sbatch")
array=${array%%;*}
run_id="slurm-$array"
merge=$(TOUCHSTONE_RUN_ID="$run_id" sbatch "${common[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --time=01:00:00 --output="$results/$run_id-merge.out" "$repo/ci/slurm/merge.sbatch")
merge=${merge%%;*}
echo "Submitted shards: array job $array (tasks 1-$shards, profile $profile), merge-and-gate job $merge"
echo "Merged run: $results/$run_id   logs: $results/slurm-$array-shard-<i>.out, $results/$run_id-merge.out"
[[ $wait == yes ]] || exit 0

# Waits for the merge job to end; its exit code is the gate's. A merge job cancelled because a shard failed ends
# the wait too, naming the failed tasks.
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }
while :; do
  line=$(scontrol -o show job "$merge" 2>/dev/null || true)
  state=$(field JobState <<<"$line")
  case $state in
    PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|RESIZING|SUSPENDED|"") sleep 2 ;;
    *) break ;;
  esac
done
code=$(field ExitCode <<<"$line")
echo "Merge-and-gate job $merge: $state (exit code ${code%%:*})"
if [[ $state != COMPLETED && $state != FAILED ]]; then
  echo "It did not run to the end: $(field Reason <<<"$line"). Shard tasks:"
  scontrol -o show job "$array" | while read -r task; do
    echo "  task $(field ArrayTaskId <<<"$task"): $(field JobState <<<"$task") (exit code $(field ExitCode <<<"$task"))"
  done
  # Slurm remembers that the array had a failed task, so the new merge waits on the requeued tasks themselves.
  echo "A failed shard resumes when requeued: scontrol requeue ${array}_<task>; scontrol update JobId=${array}_<task> StartTime=now"
  echo "then submit the merge again, after the requeued tasks:"
  echo "  TOUCHSTONE_REPO=$repo TOUCHSTONE_RESULTS=$results TOUCHSTONE_RUN_ID=$run_id TOUCHSTONE_SUITES_DIR=$suites_dir" \
       "TOUCHSTONE_BASELINES=$baselines TOUCHSTONE_TRACKING=$tracking sbatch --dependency=afterok:${array}_<task>[:${array}_<task>...] $repo/ci/slurm/merge.sbatch"
  exit 1
fi
exit "${code%%:*}"
