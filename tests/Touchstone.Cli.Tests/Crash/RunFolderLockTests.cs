using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Crash;

/// <summary>
/// Real processes racing for one run folder: two runs with the same --run-id, a resume of a run that is still
/// going, two resumes at once. Exactly one process writes the folder; the other stops with exit 2 naming it.
/// </summary>
public sealed class RunFolderLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private static string[] Run(string results, string runId, string profile) =>
        ["run", "--suites-dir", Tool.TestSuites, "--suite", "slow", "--profile", profile, "--results", results, "--run-id", runId, "--no-tracking"];

    private static (int Exit, string Output)[] Together(string workingDirectory, params string[][] commands)
    {
        var children = commands.Select(c => ChildRun.Start(workingDirectory, c)).ToList();
        try
        {
            return children.Select(c => (c.WaitForExit(Patience), c.Output)).ToArray();
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    private static void AssertOneWinner((int Exit, string Output)[] results, string loserSays)
    {
        var all = string.Join("\n----\n", results.Select(r => $"exit {r.Exit}:\n{r.Output}"));
        Assert.True(results.Count(r => r.Exit == 0) == 1, all);
        var loser = results.Single(r => r.Exit != 0);
        Assert.True(loser.Exit == 2, all);
        Assert.Contains(loserSays, loser.Output);
    }

    [Fact]
    public void Two_runs_with_the_same_run_id_started_together_never_both_run()
    {
        using var dir = new TempDirectory("touchstone-lock");
        for (var round = 0; round < 3; round++)
        {
            var id = $"same-{round}";
            var results = Together(dir.Path, Run(dir.Path, id, "quick"), Run(dir.Path, id, "quick"));
            AssertOneWinner(results, "already exists");
            Assert.Equal(9, RunTablesSnapshot.Read(dir.Combine(id)).Cells.Count);
        }
    }

    [Fact]
    public void Resume_of_a_run_that_is_still_going_is_refused_naming_the_holder_and_the_run_finishes()
    {
        using var dir = new TempDirectory("touchstone-lock");
        var run = dir.Combine("live");
        using var live = ChildRun.Start(dir.Path, Run(dir.Path, "live", "smoke"));
        live.WaitFor(() => File.Exists(Path.Combine(run, "manifest.json")), Patience);

        using var resume = ChildRun.Start(dir.Path, "run", "--resume", run, "--no-tracking");
        var resumed = resume.WaitForExit(Patience);

        Assert.True(resumed == 2, resume.Output);
        Assert.Matches(@"is in use by process \d+ on host .+, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", resume.Output);
        Assert.True(live.WaitForExit(Patience) == 0, live.Output);
        Assert.Equal(6, RunTablesSnapshot.Read(run).Cells.Count);
        Assert.False(File.Exists(RunLock.PathIn(run)) || new FileInfo(RunLock.PathIn(run)).LinkTarget is not null, "the lock is released");
    }

    [Fact]
    public void Two_resumes_at_once_run_the_remaining_cells_once()
    {
        using var dir = new TempDirectory("touchstone-lock");
        for (var round = 0; round < 2; round++)
        {
            var id = $"half-{round}";
            var run = dir.Combine(id);
            Assert.Equal(0, Tool.RunSuite(dir.Path, id, "--suite", "slow", "--profile", "quick").Exit);
            // Uncommit every second cell: those are what a resume runs.
            var records = Directory.GetFiles(run, "cell.json", SearchOption.AllDirectories).Order().Where((_, i) => i % 2 == 0).ToList();
            records.ForEach(File.Delete);

            var resume = new[] { "run", "--resume", run, "--no-tracking" };
            var results = Together(dir.Path, resume, resume);

            AssertOneWinner(results, "is in use by process");
            Assert.Contains($"9 cells, {9 - records.Count} already done", results.Single(r => r.Exit == 0).Output);
            Assert.Equal(9, RunTablesSnapshot.Read(run).Cells.Count);
        }
    }
}
