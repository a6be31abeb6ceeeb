using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Tests.Support;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Results;

public sealed class CellStoreTests
{
    private static readonly CellRow Row = new("run-1", "demo", "shipped", 0, "smoke", CellStatus.Ok, null,
        new DateTime(2026, 11, 21, 23, 59, 59, DateTimeKind.Utc), 1.5, Cells.Plan().Config.Hash, "none", "abc", "cpu", "unknown");

    private static readonly MetricRow Metric = new("run-1", "demo", "shipped", 0, "smoke", "test", "mse", 0.5, 10);

    private static CommittedCell Commit(TempDirectory dir) =>
        CellStore.Commit(new CellFiles(dir.Path), Row, [Metric], [Metric with { Metric = "loss" }, Metric with { Step = 20 }]);

    [Fact]
    public void Committed_cell_reads_back_with_its_rows()
    {
        using var dir = new TempDirectory();
        Commit(dir);

        var cell = CellStore.TryRead(new CellFiles(dir.Path));

        Assert.NotNull(cell);
        Assert.Equal(Row, cell.Record.Row);
        Assert.Equal([Metric], cell.ReadMetrics());
        Assert.Equal(2, cell.ReadCurves().Count);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*"));
    }

    [Fact]
    public void Folder_without_cell_json_is_not_committed()
    {
        using var dir = new TempDirectory();
        Commit(dir);
        File.Delete(dir.Combine("cell.json"));

        Assert.Null(CellStore.TryRead(new CellFiles(dir.Path)));
    }

    [Fact]
    public void Cell_json_records_the_sha256_of_each_table_and_a_changed_table_is_not_committed()
    {
        using var dir = new TempDirectory();
        var committed = Commit(dir);
        Assert.Equal(Checksums.Sha256Of(dir.Combine("metrics.parquet")), committed.Record.MetricsSha256);
        Assert.Equal(Checksums.Sha256Of(dir.Combine("curves.parquet")), committed.Record.CurvesSha256);

        // Same rows, same row count, other bytes (another writer's footer): only the hash tells it apart.
        var metrics = dir.Combine("metrics.parquet");
        ParquetRecords.Write(metrics, [Metric], new ParquetWriteOptions { Metadata = new Dictionary<string, string> { ["edited"] = "by hand" } });
        Assert.Equal([Metric], ParquetRecords.Read<MetricRow>(metrics));

        Assert.Null(CellStore.TryRead(new CellFiles(dir.Path)));
    }

    [Fact]
    public void Cell_json_that_does_not_match_its_tables_is_not_committed()
    {
        using var dir = new TempDirectory();
        Commit(dir);
        ParquetRecords.Write(dir.Combine("curves.parquet"), new[] { Metric });

        Assert.Null(CellStore.TryRead(new CellFiles(dir.Path)));
    }

    [Fact]
    public void Truncated_cell_json_or_table_is_not_committed()
    {
        using var dir = new TempDirectory();
        Commit(dir);
        var bytes = File.ReadAllBytes(dir.Combine("metrics.parquet"));
        File.WriteAllBytes(dir.Combine("metrics.parquet"), bytes[..(bytes.Length / 2)]);
        Assert.Null(CellStore.TryRead(new CellFiles(dir.Path)));

        Commit(dir);
        File.WriteAllText(dir.Combine("cell.json"), "{ \"schema_version\": 1, \"row\": {");
        Assert.Null(CellStore.TryRead(new CellFiles(dir.Path)));
    }

    [Fact]
    public void Committed_cell_with_another_config_hash_than_its_plan_is_refused()
    {
        using var dir = new TempDirectory();
        var layout = new RunLayout(dir.Path);
        var plan = Cells.Plan() with { Config = new ResolvedConfig(JsonNode.Parse("""{"lr": 0.2}""")!.AsObject()) };
        CellStore.Commit(layout.Cell(plan.Id), Row, [Metric], []);

        var e = Assert.Throws<DeclarationException>(() => CellStore.ReadCommitted(layout, [plan]));

        Assert.StartsWith($"cell demo/shipped/seed-0 ran with config hash {Row.ConfigHash[..12]}…, but the suites now resolve it to", e.Diagnostics[0].Message);
    }
}
