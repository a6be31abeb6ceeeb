using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class ResumeTests
{
    private static CliResult RunWithStop(string results, string runId, int stopAfter, params string[] more)
    {
        using var stop = new CancellationTokenSource();
        var sink = new StopAfterSink(stopAfter, stop);
        return Tool.Run([new SinkProvider(sink)], stop.Token,
            ["run", "--suites-dir", Tool.TestSuites, "--results", results, "--run-id", runId, .. more]);
    }

    [Fact]
    public void Stopped_run_exits_130_keeps_what_finished_and_says_how_to_resume()
    {
        using var dir = new TempDirectory();

        var result = RunWithStop(dir.Path, "r1", 2, "--suite", "slow");

        Assert.Equal(130, result.Exit);
        Assert.Contains($"Stopped with 2 of 6 cells done. Continue with: touchstone run --resume {dir.Combine("r1")}", result.Out);
        // The run-level tables are written on the way out and hold exactly the committed cells.
        Assert.Equal(2, ParquetRecords.Read<CellRow>(dir.Combine("r1", "cells.parquet")).Count);
        Assert.Equal(2, Directory.GetFiles(dir.Combine("r1", "cells"), "cell.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Resume_skips_committed_cells_and_ends_with_the_tables_of_an_uninterrupted_run()
    {
        using var dir = new TempDirectory();
        var whole = Tool.RunSuite(dir.Path, "whole", "--suite", "slow");
        Assert.True(whole.Exit == 0, whole.ToString());
        RunWithStop(dir.Path, "stopped", 3, "--suite", "slow");
        var sink = new RecordingSink();

        var resumed = Tool.Run([new SinkProvider(sink)], CancellationToken.None, "run", "--resume", dir.Combine("stopped"));

        Assert.True(resumed.Exit == 0, resumed.ToString());
        Assert.Contains("Resuming run stopped: 6 cells", resumed.Out);
        Assert.Contains("6 cells, 3 already done", resumed.Out);
        // Only the three cells that had not committed ran again.
        Assert.Equal(3, sink.Finished.Count);
        RunTablesSnapshot.Read(dir.Combine("stopped")).AssertSameAs(RunTablesSnapshot.Read(dir.Combine("whole")));
    }

    [Fact]
    public void Resume_of_a_finished_run_runs_nothing_and_rewrites_the_same_tables()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness");
        var before = RunTablesSnapshot.Read(dir.Combine("r1"));
        var sink = new RecordingSink();

        var again = Tool.Run([new SinkProvider(sink)], CancellationToken.None, "run", "--resume", dir.Combine("r1"));

        Assert.Equal(0, again.Exit);
        Assert.Empty(sink.Finished);
        RunTablesSnapshot.Read(dir.Combine("r1")).AssertSameAs(before);
    }

    [Fact]
    public void Resume_refuses_options_that_would_change_the_plan()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness");

        var result = Tool.Run("run", "--resume", dir.Combine("r1"), "--profile", "all-endings", "training.steps=3");

        Assert.Equal(2, result.Exit);
        Assert.Equal("error: --resume continues a run exactly as it was planned; drop --profile (the run's manifest.json fixes them)\n", result.Err);
    }

    [Fact]
    public void Resume_refuses_when_a_committed_cell_no_longer_matches_its_suite()
    {
        using var dir = new TempDirectory();
        var suites = dir.Combine("suites");
        Directory.CreateDirectory(suites);
        File.Copy(Path.Combine(Tool.TestSuites, "harness.yaml"), Path.Combine(suites, "harness.yaml"));
        var first = Tool.Run("run", "--suites-dir", suites, "--results", dir.Path, "--run-id", "r1");
        Assert.Equal(0, first.Exit);
        File.WriteAllText(Path.Combine(suites, "harness.yaml"), File.ReadAllText(Path.Combine(suites, "harness.yaml")).Replace("steps: 40", "steps: 41"));

        var result = Tool.Run("run", "--resume", dir.Combine("r1"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("cell harness/ok/seed-0 ran with config hash", result.Err);
        Assert.Contains("the suite file or its experiment changed since the run started", result.Err);
    }

    [Fact]
    public void Resume_of_a_folder_that_is_not_a_run_is_bad_input()
    {
        using var dir = new TempDirectory();

        var result = Tool.Run("run", "--resume", dir.Path);

        Assert.Equal(2, result.Exit);
        Assert.Equal($"error: {dir.Path} is not a run folder (it has no manifest.json); pass a folder under results/runs\n", result.Err);
    }
}
