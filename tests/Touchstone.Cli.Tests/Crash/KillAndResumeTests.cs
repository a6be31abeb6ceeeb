using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Crash;

/// <summary>One uninterrupted run of the slow suite by the child CLI: what every killed-and-resumed run must equal.</summary>
public sealed class ReferenceRun : IDisposable
{
    public ReferenceRun()
    {
        using var child = ChildRun.Start(Folder.Path, Arguments(Folder.Path, "reference"));
        var exit = child.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, child.Output);
        Tables = RunTablesSnapshot.Read(Folder.Combine("reference"));
    }

    public TempDirectory Folder { get; } = new("touchstone-crash-reference");

    public RunTablesSnapshot Tables { get; }

    public static string[] Arguments(string results, string runId) =>
        ["run", "--suites-dir", Tool.TestSuites, "--suite", "slow", "--results", results, "--run-id", runId, "--no-tracking"];

    public void Dispose() => Folder.Dispose();
}

/// <summary>
/// Kills the real CLI with SIGKILL at chosen moments of a run, resumes it with another process, and checks that
/// the run ends with exactly the tables of an uninterrupted run: no row lost, repeated or half-written.
/// </summary>
public sealed class KillAndResumeTests(ReferenceRun reference) : IClassFixture<ReferenceRun>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    // The slow suite's cells in run order; each has 30 steps of 10 ms and logs 2 curve points every 2 steps.
    private static readonly string[] Cells = ["a/seed-0", "a/seed-1", "b/seed-0", "b/seed-1", "c/seed-0", "c/seed-1"];

    public static TheoryData<string> Moments =>
    [
        "manifest written, no cell started",
        "4 curve points of the first cell on disk",
        "just after the second cell committed",
        "4 curve points of the fourth cell on disk",
        "just after the last cell committed",
        "0.6 s after the manifest was written",
        "1.4 s after the manifest was written",
    ];

    [Theory]
    [MemberData(nameof(Moments))]
    public void Run_killed_at_any_moment_resumes_to_the_tables_of_an_uninterrupted_run(string moment)
    {
        using var dir = new TempDirectory("touchstone-crash");
        var run = dir.Combine("run");

        KillAt(dir.Path, run, Moment(moment, run));
        var committedAtKill = CommittedCells(run);
        Resume(dir.Path, run);

        Assert.True(moment.StartsWith("just after the last", StringComparison.Ordinal) ? committedAtKill == 6 : committedAtKill < 6,
            $"{committedAtKill} cells had committed when the run was killed");
        AssertComplete(run);
    }

    [Fact]
    public void Run_killed_twice_and_resumed_twice_ends_with_the_same_tables()
    {
        using var dir = new TempDirectory("touchstone-crash");
        var run = dir.Combine("run");

        KillAt(dir.Path, run, Moment("4 curve points of the first cell on disk", run));
        using (var second = ChildRun.Start(dir.Path, "run", "--resume", run))
        {
            second.KillWhen(() => PartialPoints(run, "b/seed-0") >= 4, Patience);
        }
        Resume(dir.Path, run);

        AssertComplete(run);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Signal_stops_cleanly_with_130_and_the_run_resumes_to_the_same_tables(string signal)
    {
        using var dir = new TempDirectory("touchstone-crash");
        var run = dir.Combine("run");
        using (var child = ChildRun.Start(dir.Path, ReferenceRun.Arguments(dir.Path, "run")))
        {
            child.WaitFor(() => PartialPoints(run, Cells[1]) >= 4, Patience);
            child.Signal(signal);
            var exit = child.WaitForExit(Patience);

            Assert.True(exit == 130, child.Output);
            Assert.Contains($"Stopped with 1 of 6 cells done. Continue with: touchstone run --resume {run}", child.Output);
        }
        // What finished is in the run-level tables; the cell that was stopped left no commit marker.
        Assert.Single(Parquet.ParquetRecords.Read<CellRow>(Path.Combine(run, "cells.parquet")));
        Assert.False(File.Exists(CellFile(run, Cells[1], "cell.json")));
        Assert.Contains("stopped by the user before the cell finished", File.ReadAllText(CellFile(run, Cells[1], "cell.log")));

        Resume(dir.Path, run);

        AssertComplete(run);
    }

    private static Func<bool> Moment(string moment, string run)
    {
        System.Diagnostics.Stopwatch? sinceManifest = null;
        bool After(double seconds)
        {
            sinceManifest ??= File.Exists(Path.Combine(run, "manifest.json")) ? System.Diagnostics.Stopwatch.StartNew() : null;
            return sinceManifest?.Elapsed > TimeSpan.FromSeconds(seconds);
        }
        return moment switch
        {
            "manifest written, no cell started" => () => File.Exists(Path.Combine(run, "manifest.json")),
            "4 curve points of the first cell on disk" => () => PartialPoints(run, Cells[0]) >= 4,
            "just after the second cell committed" => () => File.Exists(CellFile(run, Cells[1], "cell.json")),
            "4 curve points of the fourth cell on disk" => () => PartialPoints(run, Cells[3]) >= 4,
            "just after the last cell committed" => () => File.Exists(CellFile(run, Cells[5], "cell.json")),
            "0.6 s after the manifest was written" => () => After(0.6),
            "1.4 s after the manifest was written" => () => After(1.4),
            _ => throw new ArgumentException(moment),
        };
    }

    private static void KillAt(string workingDirectory, string run, Func<bool> moment)
    {
        using var child = ChildRun.Start(workingDirectory, ReferenceRun.Arguments(Path.GetDirectoryName(run)!, Path.GetFileName(run)));
        child.KillWhen(moment, Patience);
    }

    private static void Resume(string workingDirectory, string run)
    {
        using var child = ChildRun.Start(workingDirectory, "run", "--resume", run);
        var exit = child.WaitForExit(Patience);
        Assert.True(exit == 0, child.Output);
        Assert.Contains("Resuming run run: 6 cells", child.Output);
    }

    private void AssertComplete(string run)
    {
        RunTablesSnapshot.Read(run).AssertSameAs(reference.Tables);
        foreach (var cell in Cells)
        {
            // Each cell's own tables match the reference's too, and nothing temporary or partial is left.
            var files = Directory.GetFiles(Path.Combine(run, "cells", "slow", cell)).Select(Path.GetFileName).Order();
            Assert.Equal(["cell.json", "cell.log", "config.yaml", "curves.parquet", "metrics.parquet"], files);
            var mine = Parquet.ParquetRecords.Read<MetricRow>(CellFile(run, cell, "curves.parquet")).Select(r => r with { RunId = "" });
            var theirs = Parquet.ParquetRecords.Read<MetricRow>(CellFile(reference.Folder.Combine("reference"), cell, "curves.parquet"))
                .Select(r => r with { RunId = "" });
            Assert.Equal(theirs, mine);
        }
        Assert.Empty(Directory.GetFiles(run, ".*", SearchOption.AllDirectories));
    }

    private static int CommittedCells(string run) => Cells.Count(c => File.Exists(CellFile(run, c, "cell.json")));

    private static string CellFile(string run, string cell, string file) => Path.Combine(run, "cells", "slow", cell, file);

    private static int PartialPoints(string run, string cell)
    {
        var path = CellFile(run, cell, "curves.partial.csv");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = 0;
            while (reader.ReadLine() is not null)
            {
                lines++;
            }
            return lines - 1;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
