using System.Globalization;
using System.Text.Json;
using Touchstone.Testing;

namespace Touchstone.Parquet.Tests;

/// <summary>DuckDB, an independent implementation, reads what this library writes: same values, same types, usable statistics.</summary>
public class DuckDbReadsOurFilesTests
{
    [Theory]
    [InlineData(ParquetCompression.Uncompressed, false)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Gzip, false)]
    [InlineData(ParquetCompression.Snappy, true)]
    public void DuckDb_reads_every_type_with_identical_values_and_types(ParquetCompression codec, bool v2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("all.parquet");
        var (schema, columns) = ColumnRoundTripTests.AllTypes(rows: 3000, seed: 11);
        File.WriteAllBytes(path, TestTables.Write(schema, columns,
            new ParquetWriteOptions { Compression = codec, UseDataPageV2 = v2, RowGroupSize = 1000, DataPageSize = 2048 }));

        // Timestamps come back as their epoch counts so the comparison is exact.
        var select = string.Join(", ", schema.Select(f => f.Type == ParquetType.Timestamp
            ? $"{(f.TimestampUnit == ParquetTimestampUnit.Milliseconds ? "epoch_ms" : "epoch_us")}({f.Name})::VARCHAR AS {f.Name}"
            : f.Name));
        var result = DuckDb.Query($"SELECT {select} FROM read_parquet({DuckDb.Literal(path)})");
        var types = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(path)}) LIMIT 0").Types;

        Assert.Equal(
            ["BOOLEAN", "BOOLEAN", "INTEGER", "INTEGER", "BIGINT", "BIGINT", "FLOAT", "DOUBLE", "DOUBLE", "VARCHAR", "VARCHAR",
                "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE"],
            types);
        Assert.Equal(3000, result.Rows.Count);
        for (var c = 0; c < schema.Count; c++)
        {
            var expected = TestTables.Values(columns[c]);
            for (var r = 0; r < expected.Length; r++)
            {
                Assert.True(SameValue(expected[r], result.Rows[r][c], schema[c]),
                    $"column {schema[c].Name} row {r}: wrote {expected[r]}, DuckDB read {result.Rows[r][c]}");
            }
        }
    }

    [Fact]
    public void DuckDb_reads_a_million_metric_rows_identically()
    {
        using var dir = new TempDirectory();
        var ours = dir.Combine("ours.parquet");
        var theirs = dir.Combine("theirs.parquet");
        var rows = MetricRows.Generate(1_000_000, seed: 5);
        ParquetRecords.Write(ours, rows);

        // DuckDB decodes every column of our file and re-encodes it with its own writer; reading that back with
        // our reader must give the original rows, so any value DuckDB decoded differently would show up here.
        var summary = DuckDb.Query(
            $"COPY (SELECT * FROM read_parquet({DuckDb.Literal(ours)})) TO {DuckDb.Literal(theirs)} (FORMAT parquet, COMPRESSION snappy); " +
            $"SELECT count(*)::VARCHAR, sum(step)::VARCHAR, sum(seed)::VARCHAR, count(DISTINCT metric)::VARCHAR FROM read_parquet({DuckDb.Literal(ours)})");

        Assert.Equal(
            [rows.Count.ToString(CultureInfo.InvariantCulture), rows.Sum(r => r.Step).ToString(CultureInfo.InvariantCulture),
                rows.Sum(r => (long)r.Seed).ToString(CultureInfo.InvariantCulture), "5"],
            summary.Rows.Single().Select(v => v.GetString()));
        Assert.Equal(rows, ParquetRecords.Read<MetricRow>(theirs));
    }

    private static bool SameValue(object? expected, JsonElement actual, ParquetField field)
    {
        if (expected is null)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }
        return field.Type switch
        {
            ParquetType.Boolean => actual.GetBoolean() == (bool)expected,
            ParquetType.Int32 => actual.GetInt32() == (int)expected,
            ParquetType.Int64 or ParquetType.Timestamp => long.Parse(actual.GetString()!, CultureInfo.InvariantCulture) == (long)expected,
            ParquetType.Float => (float)ParseDouble(actual) is var f && BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)expected),
            ParquetType.Double => BitConverter.DoubleToInt64Bits(ParseDouble(actual)) == BitConverter.DoubleToInt64Bits((double)expected),
            _ => actual.GetString() == (string)expected,
        };
    }

    private static double ParseDouble(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetDouble();
}
