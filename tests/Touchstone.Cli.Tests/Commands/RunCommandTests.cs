using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_writes_every_file_of_the_layout_and_prints_where_and_a_summary()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness");

        Assert.True(result.Exit == 0, result.ToString());
        var run = dir.Combine("r1");
        Assert.Contains($"Results: {run}", result.Out);
        Assert.Contains("harness (profile smoke): mean ± std across seeds", result.Out);
        Assert.Matches(@"test/mse \(gate 10%\)\s+│ lower\s+│\s+[0-9.]+ ± [0-9.e-]+ │", result.Out);
        foreach (var file in new[] { "manifest.json", "metrics.parquet", "curves.parquet", "cells.parquet" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        }
        foreach (var seed in new[] { 0, 1 })
        {
            var cell = Path.Combine(run, "cells", "harness", "ok", $"seed-{seed}");
            Assert.Equal(["cell.json", "cell.log", "config.yaml", "curves.parquet", "metrics.parquet"],
                Directory.GetFiles(cell).Select(Path.GetFileName).Order());
        }
        Assert.Equal(2, ParquetRecords.Read<CellRow>(Path.Combine(run, "cells.parquet")).Count);
    }

    [Fact]
    public void Failed_and_diverged_cells_do_not_stop_the_others_and_exit_1()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--profile", "all-endings");

        Assert.Equal(1, result.Exit);
        var cells = ParquetRecords.Read<CellRow>(dir.Combine("r1", "cells.parquet"));
        Assert.Equal(
            [
                ("ok", CellStatus.Ok), ("ok", CellStatus.Ok), ("fails", CellStatus.Failed), ("fails", CellStatus.Failed),
                ("diverges", CellStatus.Diverged), ("diverges", CellStatus.Diverged),
            ],
            cells.Select(c => (c.Variant, c.Status)));
        Assert.Equal("InvalidOperationException: selftest: injected failure at step 10 (faults.fail_at_step)", cells[2].Error);
        Assert.Equal("train/loss became NaN at step 20 (curve)", cells[4].Error);
        Assert.Null(cells[0].Error);
        Assert.Contains("4 of 6 cells failed or diverged", result.Out);
        Assert.Contains("(0/2 ok)", result.Out);
        var log = File.ReadAllText(dir.Combine("r1", "cells", "harness", "fails", "seed-0", "cell.log"));
        Assert.Contains("at Touchstone.Suites.SelfTest.SelfTestExperiment.Run", log);
    }

    [Fact]
    public void Diverged_cell_keeps_the_nan_it_logged()
    {
        using var dir = new TempDirectory();

        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--profile", "all-endings", "--variant", "diverges", "--seeds", "0");

        var curves = ParquetRecords.Read<MetricRow>(dir.Combine("r1", "curves.parquet"));
        var last = curves[^1];
        Assert.Equal(("train", "loss", 20L), (last.Split, last.Metric, last.Step));
        Assert.True(double.IsNaN(last.Value));
        Assert.Empty(ParquetRecords.Read<MetricRow>(dir.Combine("r1", "metrics.parquet")));
    }

    [Fact]
    public void Overrides_as_arguments_and_set_reach_the_config_and_the_manifest()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "3", "training.steps=12", "--set", "training.log_every=4");

        Assert.True(result.Exit == 0, result.ToString());
        var config = File.ReadAllText(dir.Combine("r1", "cells", "harness", "ok", "seed-3", "config.yaml"));
        Assert.Contains("  steps: 12\n", config);
        Assert.Contains("  log_every: 4\n", config);
        var manifest = File.ReadAllText(dir.Combine("r1", "manifest.json"));
        Assert.Contains("\"training.log_every=4\"", manifest);
        Assert.Contains("\"training.steps=12\"", manifest);
        var curves = ParquetRecords.Read<MetricRow>(dir.Combine("r1", "curves.parquet"));
        Assert.Equal([4L, 4L, 8L, 8L, 12L, 12L], curves.Select(c => c.Step));
    }

    [Fact]
    public void Bad_override_is_bad_input_and_runs_nothing()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "training.stepz=12");

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: suite 'harness': command-line overrides 'training.stepz', which does not exist: 'training' has no key 'stepz'; did you mean 'steps'?", result.Err);
        Assert.False(Directory.Exists(dir.Combine("r1")));
    }

    [Theory]
    [InlineData("--seeds", "2-1", "--seeds '2-1': the range 2-1 goes down; write 1-2")]
    [InlineData("--shard", "3/2", "--shard '3/2' must be i/n with 1 <= i <= n, e.g. 2/4 for the second of four shards")]
    [InlineData("--device", "tpu", "--device 'tpu' must be cpu, cuda or cuda:N (e.g. cuda:1)")]
    [InlineData("--jobs", "0", "--jobs 0: run at least one cell at a time (--jobs 1 or more)")]
    [InlineData("--profile", "nightly", "suite 'harness' has no profile 'nightly' (profiles: smoke, all-endings); choose another --profile or narrow --suite")]
    public void Bad_option_values_are_explained(string option, string value, string message)
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", option, value);

        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: {message}\n", result.Err);
    }

    [Fact]
    public void Existing_run_folder_is_not_overwritten()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness");

        var again = Tool.RunSuite(dir.Path, "r1", "--suite", "harness");

        Assert.Equal(2, again.Exit);
        Assert.Contains($"{dir.Combine("r1")} already exists and is not empty; continue it with: touchstone run --resume", again.Err);
    }

    [Fact]
    public void Parallel_jobs_give_the_same_tables_as_one_at_a_time()
    {
        using var dir = new TempDirectory();

        var one = Tool.RunSuite(dir.Path, "one", "--suite", "harness", "--profile", "all-endings");
        var two = Tool.RunSuite(dir.Path, "two", "--suite", "harness", "--profile", "all-endings", "--jobs", "2");

        Assert.Equal(1, one.Exit);
        Assert.Equal(1, two.Exit);
        RunTablesSnapshot.Read(dir.Combine("two")).AssertSameAs(RunTablesSnapshot.Read(dir.Combine("one")));
    }

    [Fact]
    public void Identical_runs_give_bit_identical_cell_tables()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "same", "--suite", "harness");
        Directory.Move(dir.Combine("same"), dir.Combine("first"));
        Tool.RunSuite(dir.Path, "same", "--suite", "harness");

        foreach (var table in new[] { "metrics.parquet", "curves.parquet" })
        {
            var a = File.ReadAllBytes(dir.Combine("first", "cells", "harness", "ok", "seed-1", table));
            var b = File.ReadAllBytes(dir.Combine("same", "cells", "harness", "ok", "seed-1", table));
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Summary_shows_a_metric_declared_for_some_variants_only_where_it_applies()
    {
        using var dir = new TempDirectory();
        var suites = Directory.CreateDirectory(dir.Combine("suites")).FullName;
        var text = File.ReadAllText(Path.Combine(Tool.TestSuites, "harness.yaml"))
            .Replace("  ok: {}", "  ok: {}\n  quick: { training.steps: 20 }")
            .Replace("smoke: { seeds: [0, 1], variants: [ok] }", "smoke: { seeds: [0, 1], variants: [ok, quick] }")
            .Replace("  - { name: r2, split: test, direction: higher }", "  - { name: r2, split: test, direction: higher, variants: [quick] }");
        File.WriteAllText(Path.Combine(suites, "harness.yaml"), text);

        var result = Tool.Run("run", "--suites-dir", suites, "--results", dir.Combine("runs"), "--run-id", "r1", "--no-tracking");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"test/r2\s+│ higher\s+│\s+-\s+│\s+[0-9.]+ ± [0-9.e-]+ │", result.Out);
        Assert.DoesNotContain("missing", result.Out);
    }

    [Fact]
    public void Run_on_a_device_this_machine_lacks_is_bad_input_before_any_cell_starts()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--device", "cuda:99");

        Assert.Equal(2, result.Exit);
        Assert.Contains("device cuda:99 was requested", result.Err);
        Assert.False(Directory.Exists(dir.Combine("r1")));
    }
}
