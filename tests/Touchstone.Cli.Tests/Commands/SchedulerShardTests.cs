using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class SchedulerShardTests
{
    // A task of `sbatch --array=4-6` (job 9), with the variables Slurm 22.05 sets.
    private static Func<string, string?> SlurmTask(int taskId) => name => name switch
    {
        "SLURM_ARRAY_JOB_ID" => "9",
        "SLURM_JOB_ID" => $"{20 + taskId}",
        "SLURM_ARRAY_TASK_ID" => $"{taskId}",
        "SLURM_ARRAY_TASK_MIN" => "4",
        "SLURM_ARRAY_TASK_MAX" => "6",
        "SLURM_ARRAY_TASK_COUNT" => "3",
        "SLURM_ARRAY_TASK_STEP" => "1",
        _ => null,
    };

    // The 'quick' profile unless the arguments name another. No --no-tracking: the test sinks stand in for MLflow.
    private static string[] RunArgs(string results, params string[] more) =>
        ["run", "--suites-dir", Tool.TestSuites, "--results", results, "--suite", "slow",
         .. more.Contains("--profile") ? more : [.. more, "--profile", "quick"]];

    private static CliResult Task(string results, int taskId, params string[] more) => Tool.Run(SlurmTask(taskId), RunArgs(results, ["--shard", "auto", .. more]));

    [Fact]
    public void An_array_with_shard_auto_writes_one_folder_per_task_and_merges_to_the_unsharded_run()
    {
        using var dir = new TempDirectory();
        var whole = Tool.RunSuite(dir.Path, "whole", "--suite", "slow", "--profile", "quick");
        var tasks = new[] { 4, 5, 6 }.Select(id => Task(dir.Path, id)).ToList();

        var merged = Tool.Run("merge", "--shards-of", dir.Combine("slurm-9"));

        Assert.All(tasks, t => Assert.True(t.Exit == 0, t.ToString()));
        Assert.Equal([new Shard(1, 3), new Shard(2, 3), new Shard(3, 3)],
            new[] { 1, 2, 3 }.Select(i => RunFolder.Open(dir.Combine($"slurm-9-shard-{i}")).Manifest.Shard));
        Assert.True(merged.Exit == 0, merged.ToString());
        Assert.Contains($"Merged 3 runs: 9 cells -> {dir.Combine("slurm-9")}", merged.Out);
        RunTablesSnapshot.Read(dir.Combine("slurm-9")).AssertSameAs(RunTablesSnapshot.Read(dir.Combine("whole")));
    }

    [Fact]
    public void A_task_started_again_resumes_its_shard_from_the_committed_cells()
    {
        using var dir = new TempDirectory();
        // The smoke profile of 'slow' sleeps in every step, so the stop lands while the shard (4 of 12 cells) runs.
        string[] smoke = ["--shard", "auto", "--profile", "smoke", "--seeds", "0-3"];
        var whole = Tool.RunSuite(dir.Path, "whole", "--suite", "slow", "--profile", "smoke", "--seeds", "0-3");
        using (var stop = new CancellationTokenSource())
        {
            var killed = Tool.Run([new SinkProvider(new StopAfterSink(1, stop))], stop.Token, SlurmTask(5), RunArgs(dir.Path, smoke));
            Assert.True(killed.Exit == 130, killed.ToString());
        }
        var committed = Directory.GetFiles(dir.Combine("slurm-9-shard-2", "cells"), "cell.json", SearchOption.AllDirectories).Length;
        var recording = new RecordingSink();

        var requeued = Tool.Run([new SinkProvider(recording)], CancellationToken.None, SlurmTask(5), RunArgs(dir.Path, smoke));
        Task(dir.Path, 4, smoke[2..]);
        Task(dir.Path, 6, smoke[2..]);
        var merged = Tool.Run("merge", "--shards-of", dir.Combine("slurm-9"));

        Assert.InRange(committed, 1, 3);
        Assert.True(requeued.Exit == 0, requeued.ToString());
        Assert.Contains($"Resuming run slurm-9-shard-2: 4 cells", requeued.Out);
        Assert.Equal(4 - committed, recording.Finished.Count);
        Assert.True(merged.Exit == 0, merged.ToString());
        RunTablesSnapshot.Read(dir.Combine("slurm-9")).AssertSameAs(RunTablesSnapshot.Read(dir.Combine("whole")));
    }

    [Fact]
    public void A_task_started_again_with_another_plan_is_refused()
    {
        using var dir = new TempDirectory();
        Task(dir.Path, 4);

        var other = Task(dir.Path, 4, "--seeds", "0-5");

        Assert.Equal(2, other.Exit);
        Assert.Contains($"{dir.Combine("slurm-9-shard-1")} already holds shard 1/3 of another plan (profile quick, device cpu, 3 cells); " +
                        "give this submission another --run-id", other.Err);
    }

    [Fact]
    public void Merge_names_the_missing_shard_by_index()
    {
        using var dir = new TempDirectory();
        Task(dir.Path, 4);
        Task(dir.Path, 6);

        var merged = Tool.Run("merge", "--shards-of", dir.Combine("slurm-9"));

        Assert.Equal(1, merged.Exit);
        Assert.Contains("Shard 2 of 3 is missing: no input holds it.", merged.Out);
        Assert.Contains("3 cells of the matrix are missing", merged.Out);
    }

    [Fact]
    public void Merge_refuses_shards_of_different_splits()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r-shard-1", "--suite", "slow", "--profile", "quick", "--shard", "1/2");
        Tool.RunSuite(dir.Path, "r-shard-2", "--suite", "slow", "--profile", "quick", "--shard", "2/3");

        var merged = Tool.Run("merge", "--shards-of", dir.Combine("r"));

        Assert.Equal(2, merged.Exit);
        Assert.Contains($"{dir.Combine("r-shard-2")} is shard 2/3 but {dir.Combine("r-shard-1")} is shard 1/2; only the shards of one split merge", merged.Err);
        Assert.False(Directory.Exists(dir.Combine("r")));
    }

    [Fact]
    public void Merge_shards_of_a_run_without_shard_folders_says_where_it_looked()
    {
        using var dir = new TempDirectory();

        var merged = Tool.Run("merge", "--shards-of", dir.Combine("slurm-1"));

        Assert.Equal(2, merged.Exit);
        Assert.Contains($"no shard folders {dir.Combine("slurm-1-shard-")}<i> found", merged.Err);
    }

    [Fact]
    public void An_explicit_shard_wins_over_the_scheduler()
    {
        using var dir = new TempDirectory();

        var run = Tool.Run(SlurmTask(4), RunArgs(dir.Path, "--shard", "2/3", "--run-id", "mine"));

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(new Shard(2, 3), RunFolder.Open(dir.Combine("mine")).Manifest.Shard);
    }

    [Fact]
    public void A_kubernetes_pod_takes_its_shard_from_the_completion_index_and_needs_a_run_id()
    {
        using var dir = new TempDirectory();
        Func<string, string?> pod = name => name switch { "JOB_COMPLETION_INDEX" => "2", "JOB_COMPLETIONS" => "3", _ => null };

        var without = Tool.Run(pod, RunArgs(dir.Path, "--shard", "auto"));
        var with = Tool.Run(pod, RunArgs(dir.Path, "--shard", "auto", "--run-id", "k8s-7"));

        Assert.Equal(2, without.Exit);
        Assert.Contains("--shard auto: Kubernetes gives its tasks no shared id; pass --run-id with the same value to every task", without.Err);
        Assert.True(with.Exit == 0, with.ToString());
        Assert.Equal(new Shard(3, 3), RunFolder.Open(dir.Combine("k8s-7-shard-3")).Manifest.Shard);
    }

    [Fact]
    public void Shard_auto_outside_a_scheduler_is_bad_input()
    {
        using var dir = new TempDirectory();

        var run = Tool.Run(_ => null, RunArgs(dir.Path, "--shard", "auto"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("--shard auto: no scheduler found", run.Err);
    }
}
