using Touchstone.Cli.Commands;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Gate;

/// <summary>
/// The gate never judges a number it cannot trust: a damaged table (a flipped byte in a page, a changed footer)
/// stops it with exit 2 naming the file, instead of a verdict on a changed value.
/// </summary>
public sealed class GateIntegrityTests : IDisposable
{
    private static readonly string Suites = RepoPaths.Combine("suites");
    private readonly TempDirectory _temp = new("touchstone-gate-integrity");

    public void Dispose() => _temp.Dispose();

    private string RunSelftest(string runId)
    {
        var result = Tool.Run(["run", "--suites-dir", Suites, "--suite", "selftest", "--results", _temp.Combine("runs"), "--run-id", runId, "--no-tracking"]);
        Assert.True(result.Exit == 0, result.ToString());
        return _temp.Combine("runs", runId);
    }

    private (int Code, string Out, string Err) Invoke(string verb, params string[] args) => GateCli.Invoke(
        verb == "gate" ? GateCommand.Create() : PromoteCommand.Create(),
        [verb, "--suites-dir", Suites, "--baselines", _temp.Combine("baselines"), .. args]);

    private string PromotedRerun()
    {
        var promoted = Invoke("promote", "--run", RunSelftest("ref"));
        Assert.True(promoted.Code == 0, promoted.Err);
        var rerun = RunSelftest("rerun");
        var same = Invoke("gate", "--run", rerun);
        Assert.True(same.Code == 0, same.Out + same.Err);
        return rerun;
    }

    [Fact]
    public void A_flipped_byte_in_a_value_page_of_metrics_parquet_stops_the_gate()
    {
        var rerun = PromotedRerun();
        var metrics = Path.Combine(rerun, "metrics.parquet");
        var value = ParquetRecords.Read<MetricRow>(metrics).First(r => r.Variant == "sgd" && r.Metric == "mse").Value;
        var bytes = File.ReadAllBytes(metrics);
        var at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(value));
        Assert.True(at > 0, "the value's PLAIN bytes are in the file");
        bytes[at + 2] ^= 0x10; // a change in the value's low mantissa bits, as in the issue (2.066877 → 2.066755)
        File.WriteAllBytes(metrics, bytes);

        var gate = Invoke("gate", "--run", rerun);

        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains(metrics, gate.Err);
        Assert.Contains("CRC", gate.Err);
    }

    [Fact]
    public void A_changed_footer_of_metrics_parquet_fails_its_recorded_sha256()
    {
        var rerun = PromotedRerun();
        var metrics = Path.Combine(rerun, "metrics.parquet");
        var bytes = File.ReadAllBytes(metrics);
        // The writer's name in the footer (created_by): no page CRC covers it.
        var at = bytes.AsSpan().IndexOf("Touchstone.Parquet version"u8);
        Assert.True(at > 0);
        bytes[at] = (byte)'t';
        File.WriteAllBytes(metrics, bytes);
        Assert.NotEmpty(ParquetRecords.Read<MetricRow>(metrics)); // still a valid Parquet file

        var gate = Invoke("gate", "--run", rerun);
        var promote = Invoke("promote", "--run", rerun);

        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains("tables.sha256 records", gate.Err);
        Assert.Contains(metrics, gate.Err);
        Assert.True(promote.Code == 2, promote.Out + promote.Err);
        Assert.Contains("tables.sha256 records", promote.Err);
    }

    [Fact]
    public void A_changed_baseline_stops_the_gate_and_promote_repairs_it()
    {
        var rerun = PromotedRerun();
        var baseline = _temp.Combine("baselines", "selftest", "smoke.parquet");
        var rows = ParquetRecords.Read<Touchstone.Gate.Baselines.BaselineRow>(baseline).Select(r => r with { Value = r.Value * 100 }).ToList();
        ParquetRecords.Write(baseline, rows, new ParquetWriteOptions { Metadata = ParquetRecords.ReadMetadata(baseline).ToDictionary() });

        var gate = Invoke("gate", "--run", rerun);
        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains(baseline, gate.Err);
        Assert.Contains("smoke.parquet.sha256 records", gate.Err);

        var repaired = Invoke("promote", "--run", _temp.Combine("runs", "ref"));
        Assert.True(repaired.Code == 0, repaired.Out + repaired.Err);
        Assert.Equal(0, Invoke("gate", "--run", rerun).Code);
    }

    [Fact]
    public void A_second_row_for_the_same_metric_key_stops_the_gate_naming_the_key()
    {
        var rerun = PromotedRerun();
        var metrics = Path.Combine(rerun, "metrics.parquet");
        var rows = ParquetRecords.Read<MetricRow>(metrics).ToList();
        var original = rows.First(r => r.Variant == "sgd" && r.Seed == 1 && r.Split == "test" && r.Metric == "mse");
        rows.Add(original with { Value = original.Value * 100 });
        ParquetRecords.Write(metrics, rows);
        // Checksums rewritten with it, so only the duplicate is wrong.
        Checksums.Write(Path.Combine(rerun, "tables.sha256"), [metrics, Path.Combine(rerun, "curves.parquet"), Path.Combine(rerun, "cells.parquet")]);

        var gate = Invoke("gate", "--run", rerun);
        var promote = Invoke("promote", "--run", rerun);

        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains("has 2 rows for suite selftest, variant sgd, seed 1, test/mse at step", gate.Err);
        Assert.True(promote.Code == 2, promote.Out + promote.Err);
    }

    private static void RewriteTable(string run, string table, Func<List<MetricRow>, List<MetricRow>> edit)
    {
        var path = Path.Combine(run, table);
        ParquetRecords.Write(path, edit(ParquetRecords.Read<MetricRow>(path).ToList()));
        // Checksums rewritten with it, so only the repeated rows are wrong.
        Checksums.Write(Path.Combine(run, "tables.sha256"), [Path.Combine(run, "metrics.parquet"), Path.Combine(run, "curves.parquet"), Path.Combine(run, "cells.parquet")]);
    }

    [Fact]
    public void Two_rows_for_one_metric_key_at_an_earlier_step_stop_gate_and_promote_naming_key_and_step()
    {
        var rerun = PromotedRerun();
        RewriteTable(rerun, "metrics.parquet", rows =>
        {
            var final = rows.First(r => r.Variant == "sgd" && r.Seed == 1 && r.Split == "test" && r.Metric == "mse");
            Assert.True(final.Step > 0, "the final value is after step 0, so step 0 is not the last step");
            return [.. rows, final with { Step = 0, Value = 1 }, final with { Step = 0, Value = 100 }];
        });

        var gate = Invoke("gate", "--run", rerun);
        var promote = Invoke("promote", "--run", rerun);

        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains("metrics.parquet has 2 rows for suite selftest, variant sgd, seed 1, test/mse at step 0 (values 1, 100)", gate.Err);
        Assert.True(promote.Code == 2, promote.Out + promote.Err);
        Assert.Contains("at step 0", promote.Err);
    }

    [Fact]
    public void One_row_per_step_of_a_key_is_a_curve_and_its_last_step_is_judged()
    {
        var rerun = PromotedRerun();
        RewriteTable(rerun, "metrics.parquet", rows =>
        {
            var final = rows.First(r => r.Variant == "sgd" && r.Seed == 1 && r.Split == "test" && r.Metric == "mse");
            return [.. rows, final with { Step = 0, Value = final.Value * 100 }];
        });

        var gate = Invoke("gate", "--run", rerun);

        Assert.True(gate.Code == 0, gate.Out + gate.Err);
    }

    [Fact]
    public void Two_curve_points_for_one_key_at_one_step_stop_gate_and_promote()
    {
        var rerun = PromotedRerun();
        RewriteTable(rerun, "curves.parquet", rows => [.. rows, rows[3] with { Value = rows[3].Value * 100 }]);

        var gate = Invoke("gate", "--run", rerun);
        var promote = Invoke("promote", "--run", rerun);

        Assert.True(gate.Code == 2, gate.Out + gate.Err);
        Assert.Contains($"curves.parquet has 2 rows for suite selftest, variant {ParquetRecords.Read<MetricRow>(Path.Combine(rerun, "curves.parquet"))[3].Variant}", gate.Err);
        Assert.True(promote.Code == 2, promote.Out + promote.Err);
        Assert.Contains("curves.parquet has 2 rows", promote.Err);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("curves")]
    public void Merge_refuses_a_cell_with_two_rows_for_one_key_at_one_step(string table)
    {
        var run = RunSelftest("whole");
        var layout = new RunLayout(run);
        var id = new Touchstone.Core.Experiments.CellId("selftest", "sgd", 1);
        var cell = CellStore.TryRead(layout.Cell(id)) ?? throw new InvalidOperationException("cell not committed");
        var metrics = cell.ReadMetrics().ToList();
        var curves = cell.ReadCurves().ToList();
        var edited = table == "metrics" ? metrics : curves;
        edited.Add(edited[0] with { Value = edited[0].Value * 100 });
        // Committed again through the store, so cell.json's row counts and SHA-256 agree with the edited table.
        CellStore.Commit(layout.Cell(id), cell.Record.Row, metrics, curves);

        var merged = Tool.Run(["merge", run, "--out", _temp.Combine("runs", "merged")]);

        Assert.True(merged.Exit == 2, merged.ToString());
        Assert.Contains($"{table}.parquet has 2 rows for suite selftest, variant sgd, seed 1, {edited[0].Split}/{edited[0].Metric} at step {edited[0].Step}", merged.Err);
        Assert.False(Directory.Exists(_temp.Combine("runs", "merged")), "nothing is written");
    }
}
