using Touchstone.Cli.Tests.Support;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Results;

/// <summary>
/// Every table a real run writes — run-level and per cell, for an all-ok run (the error column all null) and a
/// run where cells fail and diverge (failed cells have no metrics: zero-row tables) — is read column by column by
/// DuckDB and by Parquet.Net, and both see exactly what Touchstone's own reader sees.
/// </summary>
public sealed class IndependentReadersReadRunTablesTests
{
    [Theory]
    [InlineData("smoke", 0)]
    [InlineData("all-endings", 1)]
    public void DuckDb_and_ParquetNet_read_every_column_of_every_run_table(string profile, int exit)
    {
        using var dir = new TempDirectory();
        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--profile", profile);
        Assert.True(result.Exit == exit, result.ToString());
        var tables = Directory.EnumerateFiles(dir.Combine("r1"), "*.parquet", SearchOption.AllDirectories).Order().ToList();
        Assert.True(tables.Count >= 3 + 2 * 2, $"expected the run tables and two per cell, found {tables.Count}");

        foreach (var table in tables)
        {
            var ours = ReadWithTouchstone(table);
            foreach (var (reader, read) in new[]
            {
                ("DuckDB", IndependentParquet.ReadWithDuckDb(table)),
                ("Parquet.Net", IndependentParquet.ReadWithParquetNet(table)),
            })
            {
                Assert.True(ours.Columns.SequenceEqual(read.Columns), $"{reader} sees other columns in {table}");
                Assert.True(ours.Rows.Count == read.Rows.Count, $"{reader} reads {read.Rows.Count} rows of {table}, we {ours.Rows.Count}");
                for (var r = 0; r < ours.Rows.Count; r++)
                {
                    Assert.True(ours.Rows[r].SequenceEqual(read.Rows[r]),
                        $"{reader}, {table} row {r}: [{string.Join(", ", read.Rows[r])}] but we read [{string.Join(", ", ours.Rows[r])}]");
                }
            }
        }
        // The shapes that broke readers are among them: an error column with no value at all, and tables without rows.
        var cells = IndependentParquet.ReadWithDuckDb(dir.Combine("r1", "cells.parquet"));
        Assert.Equal(exit == 0, cells.Column("error").All(e => e is null));
        Assert.Equal(exit == 1, tables.Any(t => IndependentParquet.ReadWithDuckDb(t).Rows.Count == 0));
    }

    private static DecodedTable ReadWithTouchstone(string path)
    {
        using var reader = new ParquetFileReader(File.OpenRead(path));
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var group = reader.ReadRowGroup(g);
            for (var r = 0; r < group[0].Count; r++)
            {
                rows.Add(group.Select(c => c.GetValue(r) is { } v ? IndependentParquet.Text(v) : null).ToArray());
            }
        }
        return new DecodedTable(reader.Schema.Select(f => f.Name).ToList(), rows);
    }
}
