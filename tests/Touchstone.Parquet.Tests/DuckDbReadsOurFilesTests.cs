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
            ? $"{EpochFunction(f.TimestampUnit)}({f.Name})::VARCHAR AS {f.Name}"
            : f.Name));
        var result = DuckDb.Query($"SELECT {select} FROM read_parquet({DuckDb.Literal(path)})");
        var types = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(path)}) LIMIT 0").Types;

        Assert.Equal(
            ["BOOLEAN", "BOOLEAN", "INTEGER", "INTEGER", "BIGINT", "BIGINT", "FLOAT", "DOUBLE", "DOUBLE", "VARCHAR", "VARCHAR",
                "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS"],
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

    private static string EpochFunction(ParquetTimestampUnit unit) => unit switch
    {
        ParquetTimestampUnit.Milliseconds => "epoch_ms",
        ParquetTimestampUnit.Microseconds => "epoch_us",
        _ => "epoch_ns",
    };

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

/// <summary>DuckDB uses our statistics: it reports them and skips row groups they rule out.</summary>
public class DuckDbUsesOurStatisticsTests
{
    [Fact]
    public void DuckDb_reads_a_string_column_whose_values_are_all_null()
    {
        // cells.parquet of a run where every cell ended ok has an error column of nulls only.
        using var dir = new TempDirectory();
        var path = dir.Combine("cells.parquet");
        var at = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        ParquetRecords.Write(path, Enumerable.Range(0, 3)
            .Select(seed => new CellRow("r", "s", "v", seed, "smoke", CellStatus.Ok, null, at, 1.5, "c", "d", "f", "cpu", "g"))
            .ToList());

        var result = DuckDb.Query($"SELECT count(*)::VARCHAR, count(error)::VARCHAR, max(seed)::VARCHAR FROM read_parquet({DuckDb.Literal(path)})");

        Assert.Equal(["3", "0", "2"], result.Rows[0].Select(Text));
        Assert.All(ParquetRecords.Read<CellRow>(path), row => Assert.Null(row.Error));
    }

    private const int Groups = 4;
    private const int GroupSize = 10_000;

    [Fact]
    public void Parquet_metadata_reports_our_min_max_and_null_counts()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("sorted.parquet");
        WriteSorted(path);

        var result = DuckDb.Query(
            $"SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count, stats_min, stats_max " +
            $"FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id, column_id");

        Assert.Equal(Groups * 3, result.Rows.Count);
        for (var g = 0; g < Groups; g++)
        {
            var id = result.Rows[g * 3];
            Assert.Equal(["id", $"{g * GroupSize}", $"{(g + 1) * GroupSize - 1}", "0"], new[] { id[1], id[2], id[3], id[4] }.Select(Text));
            // The deprecated fields are written for signed-order types only.
            Assert.Equal([$"{g * GroupSize}", $"{(g + 1) * GroupSize - 1}"], new[] { id[5], id[6] }.Select(Text));
            var name = result.Rows[g * 3 + 1];
            Assert.Equal(["name", Name(g * GroupSize), Name((g + 1) * GroupSize - 1), "0"], new[] { name[1], name[2], name[3], name[4] }.Select(Text));
            Assert.Equal(JsonValueKind.Null, name[5].ValueKind);
            var value = result.Rows[g * 3 + 2];
            Assert.Equal("value", Text(value[1]));
            Assert.Equal($"{GroupSize / 10}", Text(value[4]));
        }
    }

    [Fact]
    public void Filtered_query_reads_only_the_row_groups_its_statistics_allow()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("sorted.parquet");
        WriteSorted(path);
        // Overwrite every page of row groups 0, 1 and 3 with garbage: a query can succeed only if DuckDB skips them.
        using (var reader = ParquetFileReader.Open(path))
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            foreach (var g in new[] { 0, 1, 3 })
            {
                foreach (var chunk in reader.RowGroups[g].Columns)
                {
                    file.Position = chunk.StartOffset;
                    file.Write(Enumerable.Repeat((byte)0xA5, (int)chunk.CompressedSize).ToArray());
                }
            }
        }
        var source = $"read_parquet({DuckDb.Literal(path)})";

        var byId = DuckDb.Query($"SELECT count(*)::VARCHAR, min(id)::VARCHAR, max(id)::VARCHAR, sum(value) FROM {source} WHERE id BETWEEN 20500 AND 21499");
        var byName = DuckDb.Query($"SELECT count(*)::VARCHAR, max(id)::VARCHAR FROM {source} WHERE name = '{Name(27_777)}'");

        Assert.Equal(["1000", "20500", "21499"], byId.Rows.Single().Take(3).Select(Text));
        Assert.Equal(Enumerable.Range(20500, 1000).Where(i => i % 10 != 0).Sum(i => i * 0.5), byId.Rows.Single()[3].GetDouble());
        Assert.Equal(["1", "27777"], byName.Rows.Single().Select(Text));
        // The control: a range inside a corrupted row group must fail, or the test above proves nothing.
        Assert.Throws<InvalidOperationException>(() => DuckDb.Query($"SELECT sum(value) FROM {source} WHERE id BETWEEN 5000 AND 5100"));
    }

    private static string Name(int i) => $"name-{i:D6}";

    private static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.ToString();

    private static void WriteSorted(string path)
    {
        var rows = Groups * GroupSize;
        var schema = new ParquetSchema(
            new ParquetField("id", ParquetType.Int64),
            new ParquetField("name", ParquetType.String),
            new ParquetField("value", ParquetType.Double, true));
        var ids = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        ParquetColumn[] columns =
        [
            new ParquetColumn<long>(schema[0], ids),
            new ParquetColumn<string>(schema[1], Enumerable.Range(0, rows).Select(Name).ToArray()),
            new ParquetColumn<double>(schema[2], ids.Select(i => i * 0.5).ToArray(), ids.Select(i => i % 10 != 0).ToArray()),
        ];
        File.WriteAllBytes(path, TestTables.Write(schema, columns, new ParquetWriteOptions { RowGroupSize = GroupSize }));
    }
}
