using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class ShardMergeTests
{
    [Fact]
    public void Shards_hold_every_cell_once_and_their_merge_equals_the_unsharded_run()
    {
        using var dir = new TempDirectory();
        var whole = Tool.RunSuite(dir.Path, "whole", "--suite", "slow", "--profile", "quick");
        Assert.True(whole.Exit == 0, whole.ToString());
        var shards = Enumerable.Range(1, 4).Select(i => $"shard-{i}").ToList();
        for (var i = 1; i <= 4; i++)
        {
            var shard = Tool.RunSuite(dir.Path, $"shard-{i}", "--suite", "slow", "--profile", "quick", "--shard", $"{i}/4");
            Assert.True(shard.Exit == 0, shard.ToString());
        }

        var counts = shards.Select(s => ParquetRecords.Read<CellRow>(dir.Combine(s, "cells.parquet")).Count).ToList();
        var merged = Tool.Run(["merge", .. shards.Select(s => dir.Combine(s)), "--out", dir.Combine("merged")]);

        Assert.Equal([3, 2, 2, 2], counts);
        Assert.True(merged.Exit == 0, merged.ToString());
        Assert.Contains($"Merged 4 runs: 9 cells -> {dir.Combine("merged")}", merged.Out);
        RunTablesSnapshot.Read(dir.Combine("merged")).AssertSameAs(RunTablesSnapshot.Read(dir.Combine("whole")));
        Assert.All(ParquetRecords.Read<MetricRow>(dir.Combine("merged", "metrics.parquet")), r => Assert.Equal("merged", r.RunId));
    }

    [Fact]
    public void Merge_reports_missing_cells_and_exits_1()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "s1", "--suite", "slow", "--profile", "quick", "--shard", "1/3");
        Tool.RunSuite(dir.Path, "s3", "--suite", "slow", "--profile", "quick", "--shard", "3/3");

        var merged = Tool.Run("merge", dir.Combine("s1"), dir.Combine("s3"), "--out", dir.Combine("merged"));

        Assert.Equal(1, merged.Exit);
        Assert.Contains("3 cells of the matrix are missing (no input holds them committed):", merged.Out);
        Assert.Contains("  slow/a/seed-1\n  slow/b/seed-1\n  slow/c/seed-1\n", merged.Out);
        Assert.Equal(6, ParquetRecords.Read<CellRow>(dir.Combine("merged", "cells.parquet")).Count);
    }

    [Fact]
    public void Merge_refuses_a_cell_present_twice_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "s1", "--suite", "slow", "--profile", "quick", "--shard", "1/3");
        Tool.RunSuite(dir.Path, "again", "--suite", "slow", "--profile", "quick", "--shard", "1/3");

        var merged = Tool.Run("merge", dir.Combine("s1"), dir.Combine("again"), "--out", dir.Combine("merged"));

        Assert.Equal(2, merged.Exit);
        Assert.Contains($"error: cell slow/a/seed-0 is in both {dir.Combine("s1")} and {dir.Combine("again")}", merged.Err);
        Assert.False(Directory.Exists(dir.Combine("merged")));
    }

    [Fact]
    public void Merge_refuses_runs_of_different_profiles()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "a", "--suite", "harness", "--shard", "1/2");
        Tool.RunSuite(dir.Path, "b", "--suite", "harness", "--profile", "all-endings", "--shard", "2/2");

        var merged = Tool.Run("merge", dir.Combine("a"), dir.Combine("b"), "--out", dir.Combine("merged"));

        Assert.Equal(2, merged.Exit);
        Assert.Contains("ran profile 'all-endings' but", merged.Err);
    }

    [Fact]
    public void Merge_keeps_the_thread_setting_and_refuses_shards_of_different_ones()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "a", "--suite", "harness", "--shard", "1/2");
        Tool.RunSuite(dir.Path, "b", "--suite", "harness", "--shard", "2/2");
        Assert.Equal(0, Tool.Run("merge", dir.Combine("a"), dir.Combine("b"), "--out", dir.Combine("merged")).Exit);
        Assert.Contains("\"threads\": {\n    \"intra_op\": 1,\n    \"blas\": 1\n  }", File.ReadAllText(dir.Combine("merged", "manifest.json")));

        // Shard b as if recorded with --threads 2 (in this process the setting is one thread for every test).
        var manifest = dir.Combine("b", "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"intra_op\": 1,\n    \"blas\": 1", "\"intra_op\": 2,\n    \"blas\": 2"));
        var refused = Tool.Run("merge", dir.Combine("a"), dir.Combine("b"), "--out", dir.Combine("merged-2"));

        Assert.Equal(2, refused.Exit);
        Assert.Contains("ran with threads per cell intra-op 2, BLAS 2 but", refused.Err);
    }
}
