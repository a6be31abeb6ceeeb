using System.Globalization;
using System.Text.Json;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Results;

/// <summary>DuckDB, an independent Parquet reader, sees exactly the numbers the run logged.</summary>
public sealed class DuckDbReadsRunTablesTests
{
    private static double Double(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();

    private static MetricRow Row(JsonElement[] r) => new(
        r[0].GetString()!, r[1].GetString()!, r[2].GetString()!, r[3].GetInt32(), r[4].GetString()!, r[5].GetString()!,
        r[6].GetString()!, Double(r[7]), long.Parse(r[8].GetString()!, CultureInfo.InvariantCulture));

    private static IEnumerable<MetricRow> Sorted(IEnumerable<MetricRow> rows) =>
        rows.OrderBy(r => r.Variant, StringComparer.Ordinal).ThenBy(r => r.Seed).ThenBy(r => r.Split, StringComparer.Ordinal)
            .ThenBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Step);

    [Fact]
    public void Metrics_and_curves_read_by_duckdb_are_exactly_the_logged_rows()
    {
        using var dir = new TempDirectory();
        var sink = new RecordingSink();
        var result = Tool.Run([new SinkProvider(sink)], CancellationToken.None,
            "run", "--suites-dir", Tool.TestSuites, "--suite", "harness", "--profile", "all-endings", "--results", dir.Path, "--run-id", "r1");
        Assert.Equal(1, result.Exit);
        const string columns = "run_id, suite, variant, seed, profile, split, metric, value, step";

        var metrics = DuckDb.Query($"SELECT {columns} FROM read_parquet({DuckDb.Literal(dir.Combine("r1", "metrics.parquet"))})");
        var curves = DuckDb.Query($"SELECT {columns} FROM read_parquet({DuckDb.Literal(dir.Combine("r1", "curves.parquet"))})");

        Assert.Equal(["VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "BIGINT"], metrics.Types);
        var logged = sink.Finished.SelectMany(o => o.Metrics).ToList();
        Assert.Equal(6, logged.Count); // two ok cells with three final metrics each
        Assert.Equal(Sorted(logged), Sorted(metrics.Rows.Select(Row)));
        Assert.Equal(sink.CurvePoints.Count, curves.Rows.Count);
        Assert.Equal(Sorted(sink.CurvePoints), Sorted(curves.Rows.Select(Row)));
        Assert.Contains(curves.Rows.Select(Row), r => double.IsNaN(r.Value) && r.Variant == "diverges");
    }

    [Fact]
    public void Cells_table_has_one_typed_row_per_cell_and_the_manifest_in_its_metadata()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--profile", "all-endings");
        var file = DuckDb.Literal(dir.Combine("r1", "cells.parquet"));

        var cells = DuckDb.Query($"SELECT variant, seed, status, error IS NULL, started_at, duration_s > 0, length(config_hash) FROM read_parquet({file})");
        var metadata = DuckDb.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({file}) ORDER BY 1");

        Assert.Equal(["VARCHAR", "INTEGER", "VARCHAR", "BOOLEAN", "TIMESTAMP WITH TIME ZONE", "BOOLEAN", "BIGINT"], cells.Types);
        Assert.Equal(["ok", "ok", "failed", "failed", "diverged", "diverged"], cells.Rows.Select(r => r[2].GetString()));
        Assert.Equal([true, true, false, false, false, false], cells.Rows.Select(r => r[3].GetBoolean()));
        Assert.All(cells.Rows, r => Assert.Equal("64", r[6].ToString()));
        var keys = metadata.Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetString()!);
        Assert.Equal("1", keys["touchstone.schema_version"]);
        Assert.Equal("6", keys["touchstone.cells_committed"]);
        Assert.Equal("6", keys["touchstone.cells_planned"]);
        using var manifest = JsonDocument.Parse(keys["touchstone.manifest"]);
        Assert.Equal("r1", manifest.RootElement.GetProperty("run_id").GetString());
        Assert.Equal(6, manifest.RootElement.GetProperty("cells").GetArrayLength());
    }
}
