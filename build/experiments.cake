// Running suites: the smoke job, any run, the nightly shards, and merging shards.

// The newest run directory under results/runs, for targets given no --run.
DirectoryPath LatestRun()
{
    var runs = GetDirectories(runsRoot.FullPath + "/*").OrderBy(d => d.GetDirectoryName(), StringComparer.Ordinal).ToList();
    if (runs.Count == 0)
    {
        throw new CakeException(2, $"no run in {runsRoot}: pass --run=<dir> or run the Smoke or Run target first");
    }
    return runs.Last();
}

string StampedRunId(string prefix) => $"{prefix}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";

Task("Smoke")
    .Description("The main job: every suite's smoke profile on CPU -> Parquet + MLflow file store, then the gate against results/baselines.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var runId = Argument("run-id", StampedRunId("smoke"));
        Touchstone($"run --profile smoke --device cpu --results {Quote(runsRoot.FullPath)} --run-id {Quote(runId)}");
        GateRun(runsRoot.Combine(runId));
    });

Task("Run")
    .Description("Run suites: --suite, --profile, --variant, --seeds, --shard, --device, --jobs, --threads, --set key.path=value are passed through.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var args = PassThrough("suite", "profile", "variant", "seeds", "shard", "device", "jobs", "threads", "run-id", "set");
        Touchstone($"run --results {Quote(runsRoot.FullPath)} {args}");
    });

Task("Nightly")
    .Description("One shard of the nightly profile: --shard-index/--shard-count (or SHARD_INDEX/SHARD_COUNT), --device (default cuda), --suite (default all).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var index = Argument("shard-index", EnvironmentVariable("SHARD_INDEX") ?? "1");
        var count = Argument("shard-count", EnvironmentVariable("SHARD_COUNT") ?? "1");
        var device = Argument("device", "cuda");
        var runId = Argument("run-id", $"{StampedRunId("nightly")}-shard-{index}-of-{count}");
        Touchstone($"run --profile nightly --device {device} --shard {index}/{count} {PassThrough("suite")} " +
                   $"--results {Quote(runsRoot.FullPath)} --run-id {Quote(runId)}");
    });

Task("Merge")
    .Description("Merge shard run directories (--runs=<glob>, default results/runs/*shard*) into --out (default results/runs/merged-<time>).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var pattern = Argument("runs", runsRoot.FullPath + "/*shard*");
        var shards = GetDirectories(pattern).Select(d => Quote(d.FullPath)).ToList();
        if (shards.Count == 0)
        {
            throw new CakeException(2, $"no shard directories match {pattern}");
        }
        var output = Argument("out", runsRoot.Combine(StampedRunId("merged")).FullPath);
        Touchstone($"merge {string.Join(" ", shards)} --out {Quote(output)}");
    });
