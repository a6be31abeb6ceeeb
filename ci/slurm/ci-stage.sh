#!/usr/bin/env bash
# The CI proof that Touchstone runs on a real Slurm (called by the Cake target SlurmCi, after the tests and the smoke
# job). It starts a single-node cluster on this machine (ci/slurm/local-cluster.sh) and:
#   1. submits the smoke profile of two suites (selftest: pure C#; spectral-gap: libtorch) as an array of 3 shards plus
#      the dependent merge-and-gate job (ci/slurm/submit.sh --wait), and checks that the gate passed and that the
#      merged tables equal those suites' rows in REFERENCE_RUN, an unsharded smoke run on this machine (value columns
#      exactly). Two suites keep the stage short; every suite's smoke cells are already run and gated by the Smoke job;
#   2. kills one shard mid-run (scancel), requeues it, and checks that it resumed from its committed cells and that
#      the merge is complete and equal to an unsharded run. This uses the test suite 'slow' (cells that sleep per
#      step, so there is a moment to kill), gated against a baseline promoted from its own unsharded run.
# The cluster's processes are stopped on every exit, by the pids it recorded: nothing else is touched.
#   ci/slurm/ci-stage.sh REFERENCE_RUN [WORK_DIR]
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 REFERENCE_RUN [WORK_DIR]" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/../.." && pwd)
reference=$(cd "$1" && pwd)
work=${2:-$(mktemp -d /tmp/touchstone-slurm-XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
slurm="$repo/ci/slurm"
touchstone() { dotnet "$repo/src/Touchstone.Cli/bin/Release/net10.0/touchstone.dll" "$@"; }
started=$SECONDS
say() { echo "slurm-ci [$((SECONDS - started)) s]: $*"; }

trap '"$slurm/local-cluster.sh" stop "$work/cluster"' EXIT
trap 'exit 130' INT TERM   # so that a cancelled CI job still runs the EXIT trap
"$slurm/local-cluster.sh" start "$work/cluster"
export SLURM_CONF="$work/cluster/slurm.conf"

say "1. smoke profile of selftest and spectral-gap, 3 shards + merge-and-gate"
"$slurm/submit.sh" --profile smoke --suite selftest --suite spectral-gap --shards 3 --device cpu --cpus 1 --time 00:10:00 --results "$work/smoke" --no-tracking --wait \
  | tee "$work/smoke-submit.log"
merged="$work/smoke/slurm-$(sed -n 's/.*array job \([0-9]*\).*/\1/p' "$work/smoke-submit.log")"
"$slurm/compare-runs.sh" "$merged" "$reference"
say "1. passed: the gate passed and $merged equals $reference"

say "2. a shard killed mid-run and requeued"
suites="$repo/tests/Touchstone.Cli.Tests/Suites"
slow=(--suites-dir "$suites" --suite slow --profile smoke --seeds 0-3 --set faults.sleep_ms_per_step=25)
touchstone run "${slow[@]}" --results "$work/slow" --run-id unsharded --no-tracking >"$work/slow-unsharded.log"
touchstone promote --run "$work/slow/unsharded" --baselines "$work/slow-baselines" --suites-dir "$suites" >/dev/null
submitted=$("$slurm/submit.sh" --suites-dir "$suites" --suite slow --profile smoke --set faults.sleep_ms_per_step=25 \
  --seeds 0-3 --shards 3 --device cpu --time 00:10:00 --results "$work/slow" --baselines "$work/slow-baselines" --no-tracking)
echo "$submitted"
array=$(sed -n 's/.*array job \([0-9]*\).*/\1/p' <<<"$submitted")
merge=$(sed -n 's/.*merge-and-gate job \([0-9]*\).*/\1/p' <<<"$submitted")
shard="$work/slow/slurm-$array-shard-2"
# Kill task 2 once it has committed a cell and before it has committed all four.
for _ in $(seq 600); do
  [[ -d $shard/cells ]] && (($(find "$shard/cells" -name cell.json | wc -l) >= 1)) && break
  sleep 0.05
done
scancel "${array}_2"
for _ in $(seq 100); do
  [[ $(scontrol -o show job "${array}_2" | sed -n 's/.*JobState=\([A-Z]*\).*/\1/p') == CANCELLED ]] && break
  sleep 0.1
done
before=$(find "$shard/cells" -name cell.json | wc -l)
say "2. killed task ${array}_2 with $before of 4 cells committed"
((before >= 1 && before < 4)) || { echo "slurm-ci: the kill did not land mid-shard ($before of 4 cells committed)" >&2; exit 1; }
# A requeued job waits two minutes before it may start again (Slurm's rule); release it now.
scontrol requeue "${array}_2"
scontrol update JobId="${array}_2" StartTime=now
# The merge job depended on every task succeeding, and one was cancelled: Slurm cancels it (kill_invalid_depend).
# Submit it again, after the requeued task.
for _ in $(seq 300); do
  state=$(scontrol -o show job "$merge" | sed -n 's/.*JobState=\([A-Z]*\).*/\1/p')
  [[ $state == CANCELLED || $state == COMPLETED || $state == FAILED ]] && break
  sleep 0.1
done
say "2. first merge job $merge: $state"
[[ $state == CANCELLED ]] || { echo "slurm-ci: expected the first merge job to be cancelled, it is $state" >&2; exit 1; }
remerge=$(TOUCHSTONE_REPO="$repo" TOUCHSTONE_RESULTS="$work/slow" TOUCHSTONE_RUN_ID="slurm-$array" TOUCHSTONE_SUITES_DIR="$suites" \
  TOUCHSTONE_BASELINES="$work/slow-baselines" TOUCHSTONE_TRACKING=off \
  sbatch --parsable --wait --dependency="afterok:${array}_2" --output="$work/slow/slurm-$array-remerge.out" "$slurm/merge.sbatch") \
  || { cat "$work/slow/slurm-$array-remerge.out"; echo "slurm-ci: the merge-and-gate job after the requeue failed" >&2; exit 1; }
grep -q "Resuming run slurm-$array-shard-2: 4 cells" "$work/slow/slurm-$array-shard-2.out" \
  || { echo "slurm-ci: the requeued task did not resume its folder" >&2; exit 1; }
reran=$(grep -c "ok in" <(sed -n '/Resuming run/,$p' "$work/slow/slurm-$array-shard-2.out"))
((reran == 4 - before)) || { echo "slurm-ci: the requeued task ran $reran cells; $((4 - before)) were left" >&2; exit 1; }
"$slurm/compare-runs.sh" "$work/slow/slurm-$array" "$work/slow/unsharded"
say "2. passed: the requeued shard ran only its $reran missing cells; merge job $remerge gated and equals the unsharded run"
