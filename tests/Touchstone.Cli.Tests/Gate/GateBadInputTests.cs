using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Gate;

// Exit code 2: each bad input gets one message that says what to do, never a stack trace.
public sealed class GateBadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new("touchstone-gate-input");

    public void Dispose() => _temp.Dispose();

    private static void AssertBadInput((int Code, string Out, string Err) result, string message)
    {
        Assert.Equal(2, result.Code);
        Assert.Contains(message, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void Missing_run_option_says_what_to_pass()
    {
        AssertBadInput(GateCli.Gate("gate"), "error: --run is required: pass the run folder, e.g. --run results/runs/<run-id>");
        AssertBadInput(GateCli.Promote("promote"), "error: --run is required");
    }

    [Fact]
    public void Run_folder_that_does_not_exist()
    {
        AssertBadInput(GateCli.Gate("gate", "--run", _temp.Combine("nope")), $"run folder '{_temp.Combine("nope")}' does not exist");
    }

    [Fact]
    public void No_baseline_says_how_to_promote()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values());
        AssertBadInput(
            GateCli.Gate("gate", "--run", run, "--baselines", _temp.Combine("baselines")),
            $"no baseline for suite 'toy', profile 'smoke' ({Path.Combine(_temp.Combine("baselines"), "toy", "smoke.parquet")} does not exist). If this run is the reference, create it with `touchstone promote --run {run} --suite toy` and commit it.");
    }

    [Fact]
    public void Unreadable_baseline_is_bad_input_and_promote_repairs_it()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values());
        var path = _temp.Combine("baselines", "toy", "smoke.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "garbage");
        AssertBadInput(GateCli.Gate("gate", "--run", run, "--baselines", _temp.Combine("baselines")), $"baseline {path} cannot be read");
        var (code, output, _) = GateCli.Promote("promote", "--run", run, "--baselines", _temp.Combine("baselines"));
        Assert.Equal(0, code);
        Assert.StartsWith($"toy (smoke): replaced unreadable {path} with run r", output);
        Assert.Equal(0, GateCli.Gate("gate", "--run", run, "--baselines", _temp.Combine("baselines")).Code);
    }

    [Fact]
    public void Alpha_out_of_range_is_bad_input()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values());
        AssertBadInput(GateCli.Gate("gate", "--run", run, "--alpha", "0.7"), "alpha must be between 0 and 0.5 (exclusive); got 0.7");
    }

    [Fact]
    public void Promote_refuses_a_run_with_a_failed_cell_and_writes_nothing()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values(), brokenCell: (1, CellStatus.Failed));
        AssertBadInput(
            GateCli.Promote("promote", "--run", run, "--baselines", _temp.Combine("baselines")),
            "cell toy/base/seed-1 failed (loss became NaN at step 7); a baseline must come from a clean run: fix it and rerun");
        Assert.False(Directory.Exists(_temp.Combine("baselines")));
    }

    [Fact]
    public void Promote_of_an_unknown_suite_lists_the_runs_suites()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values());
        AssertBadInput(GateCli.Promote("promote", "--run", run, "--suite", "other", "--baselines", _temp.Combine("b")), "has no suite 'other' (it has: toy)");
    }

    [Fact]
    public void Report_file_that_cannot_be_written_is_bad_input()
    {
        var run = GateCli.WriteRun(_temp.Combine("run"), "r", GateCli.Values());
        GateCli.Promote("promote", "--run", run, "--baselines", _temp.Combine("b"));
        File.WriteAllText(_temp.Combine("file"), "");
        AssertBadInput(
            GateCli.Gate("gate", "--run", run, "--baselines", _temp.Combine("b"), "--junit", _temp.Combine("file", "junit.xml")),
            "cannot write the --junit file");
    }
}
