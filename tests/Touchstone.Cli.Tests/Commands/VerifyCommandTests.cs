using System.Text.Json.Nodes;
using System.Xml.Linq;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class VerifyCommandTests
{
    [Fact]
    public void A_fresh_run_verifies_identical_cell_by_cell_in_every_report()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Tool.RunSuite(dir.Path, "r1", "--suite", "harness").Exit);

        var result = Tool.Run("verify", "--run", dir.Combine("r1"), "--markdown", dir.Combine("v.md"), "--junit", dir.Combine("v.xml"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"harness/ok/seed-0\s+│ IDENTICAL\s+│", result.Out);
        Assert.Matches(@"harness/ok/seed-1\s+│ IDENTICAL\s+│", result.Out);
        Assert.Contains("PASSED — 2 cells: 2 IDENTICAL", result.Out);
        Assert.Contains("| ✅ | harness/ok/seed-0 | **IDENTICAL** |", File.ReadAllText(dir.Combine("v.md")));
        var junit = XDocument.Load(dir.Combine("v.xml"));
        Assert.Equal(2, junit.Descendants("testcase").Count());
        Assert.Empty(junit.Descendants("failure"));
    }

    [Fact]
    public void A_one_ulp_change_in_a_recorded_value_differs_and_names_the_metric()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "0");
        var metrics = dir.Combine("r1", "cells", "harness", "ok", "seed-0", "metrics.parquet");
        var rows = ParquetRecords.Read<MetricRow>(metrics);
        ParquetRecords.Write(metrics, rows.Select(r => r.Split == "test" && r.Metric == "r2" ? r with { Value = Math.BitIncrement(r.Value) } : r));
        // The fixture stands for a run that recorded this value, so the commit marker records the new table's bytes
        // (otherwise the cell reads as damaged and uncommitted, which is a different test).
        var record = dir.Combine("r1", "cells", "harness", "ok", "seed-0", "cell.json");
        var marker = JsonNode.Parse(File.ReadAllText(record))!.AsObject();
        marker["metrics_sha256"] = Checksums.Sha256Of(metrics);
        File.WriteAllText(record, marker.ToJsonString());

        var result = Tool.Run("verify", "--run", dir.Combine("r1"), "--junit", dir.Combine("v.xml"));

        Assert.Equal(1, result.Exit);
        Assert.Matches(@"harness/ok/seed-0\s+│ DIFFERS\s+│", result.Out);
        Assert.Contains("1 of ", result.Out);
        Assert.Contains("values differ; first test/r2 at step 40 (metrics)", result.Out);
        Assert.Matches(@"DIFFERS\s+│ [0-9.eE+-]+\s+│ [0-9.eE+-]+\s+│ 1\s+│", result.Out);
        var failure = Assert.Single(XDocument.Load(dir.Combine("v.xml")).Descendants("failure"));
        Assert.Equal("DIFFERS", failure.Attribute("type")!.Value);
    }

    [Fact]
    public void Re_executing_with_other_threads_is_not_comparable_names_the_fields_and_passes()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "1");

        var result = Tool.Run("verify", "--run", dir.Combine("r1"), "--threads", "2");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"harness/ok/seed-1\s+│ NOT-COMPARABLE\s+│", result.Out);
        Assert.Contains("numerics.intra_op_threads: 1 → 2", result.Out);
        Assert.Contains("numerics.blas_threads: 1 → 2", result.Out);
    }

    [Fact]
    public void A_sample_of_cells_spreads_over_the_run()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "0-3");

        var result = Tool.Run("verify", "--run", dir.Combine("r1"), "--cells", "2");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("harness/ok/seed-0", result.Out);
        Assert.Contains("harness/ok/seed-2", result.Out);
        Assert.DoesNotContain("harness/ok/seed-1", result.Out);
        Assert.Contains("2 cells: 2 IDENTICAL", result.Out);
    }

    [Theory]
    [InlineData("--cells", "harness/ok/seed-9", "cell harness/ok/seed-9 is not a committed cell of the run")]
    [InlineData("--cells", "harness/ok", "'harness/ok' is not a cell id (suite/variant/seed-N)")]
    [InlineData("--cells", "0", "--cells 0: verify at least one cell")]
    [InlineData("--threads", "0", "--threads 0: a cell needs at least one thread")]
    public void Bad_selections_are_bad_input(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "0");

        var result = Tool.Run("verify", "--run", dir.Combine("r1"), option, value);

        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Err);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_bad_input()
    {
        using var dir = new TempDirectory();

        var result = Tool.Run("verify", "--run", dir.Path);

        Assert.Equal(2, result.Exit);
        Assert.Contains("is not a run folder (it has no manifest.json)", result.Err);
    }
}
