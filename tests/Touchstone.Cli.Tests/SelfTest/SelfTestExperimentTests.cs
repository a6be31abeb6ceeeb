using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.SelfTest;

/// <summary>The harness self-test experiment, run through the harness: it learns, and it is deterministic.</summary>
public sealed class SelfTestExperimentTests
{
    [Fact]
    public void Trained_model_reaches_the_noise_floor_and_explains_the_test_data()
    {
        using var dir = new TempDirectory();

        var result = Tool.Run("run", "--suites-dir", RepoPaths.Combine("suites"), "--suite", "selftest", "--variant", "sgd",
            "--results", dir.Path, "--run-id", "r1");

        Assert.True(result.Exit == 0, result.ToString());
        var metrics = ParquetRecords.Read<MetricRow>(dir.Combine("r1", "metrics.parquet"));
        // Label noise has sd 0.1, so the best possible MSE is about 0.01; an untrained model is near 9 (8 unit features).
        Assert.All(metrics.Where(m => m.Metric == "mse"), m => Assert.InRange(m.Value, 0.008, 0.015));
        Assert.All(metrics.Where(m => m.Metric == "r2"), m => Assert.InRange(m.Value, 0.99, 1.0));
        var loss = ParquetRecords.Read<MetricRow>(dir.Combine("r1", "curves.parquet"))
            .Where(c => c.Seed == 0 && c.Metric == "loss").Select(c => c.Value).ToList();
        Assert.True(loss[0] > 10 * loss[^1], $"the training loss fell from {loss[0]} to {loss[^1]}");
    }

    [Fact]
    public void Seeds_differ_but_the_data_and_its_hash_do_not()
    {
        using var dir = new TempDirectory();

        Tool.RunSuite(dir.Path, "r1", "--suite", "harness");

        var cells = ParquetRecords.Read<CellRow>(dir.Combine("r1", "cells.parquet"));
        var metrics = ParquetRecords.Read<MetricRow>(dir.Combine("r1", "metrics.parquet"));
        Assert.Single(cells.Select(c => c.DataHash).Distinct());
        Assert.Matches("^[0-9a-f]{64}$", cells[0].DataHash);
        Assert.NotEqual(metrics.Where(m => m.Seed == 0).Select(m => m.Value), metrics.Where(m => m.Seed == 1).Select(m => m.Value));
    }

    [Fact]
    public void Changing_the_data_seed_changes_the_data_hash()
    {
        using var dir = new TempDirectory();

        Tool.RunSuite(dir.Path, "a", "--suite", "harness", "--seeds", "0");
        Tool.RunSuite(dir.Path, "b", "--suite", "harness", "--seeds", "0", "data.data_seed=8");

        Assert.NotEqual(
            ParquetRecords.Read<CellRow>(dir.Combine("a", "cells.parquet"))[0].DataHash,
            ParquetRecords.Read<CellRow>(dir.Combine("b", "cells.parquet"))[0].DataHash);
    }
}
