using System.Text.Json.Nodes;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

/// <summary><c>--resume --retry-failed</c> runs failed cells again; a plain resume and diverged cells leave them be.</summary>
public sealed class RetryFailedTests
{
    [Fact]
    public void Resume_with_retry_failed_reruns_only_the_failed_cells()
    {
        using var dir = new TempDirectory("touchstone-retry");
        Assert.Equal(1, Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--profile", "all-endings").Exit);
        // A cell that failed for a passing reason (a full disk, a lost GPU) looks like this ok cell marked failed.
        var record = dir.Combine("r1", "cells", "harness", "ok", "seed-0", "cell.json");
        var json = JsonNode.Parse(File.ReadAllText(record))!;
        json["row"]!["status"] = "failed";
        json["row"]!["error"] = "the disk was full";
        File.WriteAllText(record, json.ToJsonString());

        var plain = Tool.Run("run", "--resume", dir.Combine("r1"), "--no-tracking");
        Assert.Contains("6 cells, 6 already done", plain.Out);
        Assert.Contains($"rerun the failed ones with: touchstone run --resume {dir.Combine("r1")} --retry-failed", plain.Out);

        var retry = Tool.Run("run", "--resume", dir.Combine("r1"), "--retry-failed", "--no-tracking");

        // The two cells of variant 'fails' fail again, the marked one is ok now, the diverged ones were not rerun.
        Assert.True(retry.Exit == 1, retry.ToString());
        Assert.Contains("6 cells, 3 already done", retry.Out);
        var cells = RunTablesSnapshot.Read(dir.Combine("r1")).Cells;
        Assert.Equal(CellStatus.Ok, cells.Single(c => c.Variant == "ok" && c.Seed == 0).Status);
        Assert.Equal(2, cells.Count(c => c.Status == CellStatus.Diverged));
    }

    [Fact]
    public void Retry_failed_without_resume_is_bad_input()
    {
        using var dir = new TempDirectory("touchstone-retry");
        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--retry-failed");
        Assert.Equal(2, result.Exit);
        Assert.Contains("--retry-failed goes with --resume", result.Err);
    }
}
