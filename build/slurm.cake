// Slurm: submitting a profile as a job array plus a dependent merge-and-gate job (ci/slurm/), the CI proof on a real
// single-node cluster, and the nightly of the suites that fit on a CPU.

Task("Slurm")
    .Description("Submit --profile (default nightly) to Slurm: an array of --shards (default 4) and a merge-and-gate job; --wait returns the gate's exit code. " +
                 "Passed through: --suite, --set, --seeds, --device, --cpus, --gpus, --time, --partition, --results, --baselines (ci/slurm/submit.sh).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var args = PassThrough("profile", "shards", "suite", "set", "seeds", "device", "cpus", "gpus", "time", "partition", "results", "baselines");
        var flags = (HasArgument("wait") ? " --wait" : "") + (HasArgument("no-tracking") ? " --no-tracking" : "");
        Run("bash", $"ci/slurm/submit.sh {args}{flags}");
    });

Task("SlurmCi")
    .Description("CI: start a single-node Slurm here, run the smoke profile as 3 shards + merge-and-gate and compare with --reference " +
                 "(an unsharded smoke run; default the newest results/runs/smoke-*), kill and requeue a shard, stop the cluster.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var reference = HasArgument("reference")
            ? MakeAbsolute(Directory(Argument<string>("reference")))
            : GetDirectories(runsRoot.FullPath + "/smoke-*").OrderBy(d => d.GetDirectoryName(), StringComparer.Ordinal).LastOrDefault()
              ?? throw new CakeException(2, "no results/runs/smoke-* run to compare with: run the Smoke target first or pass --reference=<run>");
        Run("bash", $"ci/slurm/ci-stage.sh {Quote(reference.FullPath)}");
    });

// The suites whose whole nightly profile runs on a CPU in minutes (docs/slurm.md has the timings). The others'
// nightly profiles need a GPU and stay on the GPU runners.
var cpuNightlySuites = new[] { "selftest", "spectral-gap" };

Task("NightlyCpu")
    .Description("The nightly profile of the suites that fit on a CPU (selftest, spectral-gap), on CPU, gated against their CPU nightly baselines; " +
                 "--promote makes the run those baselines instead (results/baselines/<suite>/nightly.parquet).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var runId = Argument("run-id", StampedRunId("nightly-cpu"));
        var suites = string.Join(" ", cpuNightlySuites.Select(s => $"--suite {s}"));
        Touchstone($"run --profile nightly --device cpu {suites} {PassThrough("jobs")} --results {Quote(runsRoot.FullPath)} --run-id {Quote(runId)}");
        if (HasArgument("promote"))
        {
            Touchstone($"promote --run {Quote(runsRoot.Combine(runId).FullPath)} --baselines {Quote(Argument("baselines", baselinesRoot.FullPath))}");
        }
        else
        {
            GateRun(runsRoot.Combine(runId));
        }
    });
