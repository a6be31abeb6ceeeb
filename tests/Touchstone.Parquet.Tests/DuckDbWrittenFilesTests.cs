using System.Globalization;
using System.Text.Json;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;
using Touchstone.Testing;

namespace Touchstone.Parquet.Tests;

/// <summary>This library reads what DuckDB writes, value for value.</summary>
public class DuckDbWrittenFilesTests
{
    // Every type we read, with nulls, a dictionary-friendly and a high-cardinality string column, and row order in `id`.
    private const string Table = """
        SELECT
            i::INTEGER AS id,
            CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 1000003 - 5000000000)::BIGINT END AS i64_n,
            (i * 0.25 - 100)::DOUBLE AS f64,
            CASE WHEN i % 5 = 0 THEN NULL ELSE (i / 3.0)::FLOAT END AS f32_n,
            i % 3 = 0 AS flag,
            CASE WHEN i % 11 = 0 THEN NULL ELSE i % 2 = 0 END AS flag_n,
            'metric-' || (i % 4) AS dict_str,
            CASE WHEN i % 13 = 0 THEN NULL ELSE md5(i::VARCHAR) || '-ü-🎉' END AS plain_str,
            TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_microseconds(i * 1234567) AS ts,
            CASE WHEN i % 9 = 0 THEN NULL ELSE TIMESTAMP '2000-01-01' + to_microseconds(i) END AS ts_local,
            (i % 100 - 50)::SMALLINT AS small
        FROM range(20000) t(i)
        """;

    [Theory]
    [InlineData("snappy", "")]
    [InlineData("gzip", "")]
    [InlineData("uncompressed", "")]
    [InlineData("snappy", ", PARQUET_VERSION V2")]
    [InlineData("gzip", ", PARQUET_VERSION V2")]
    public void We_read_DuckDb_files_with_identical_values(string codec, string version)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("duck.parquet");
        var expected = DuckDb.Query(
            $"COPY ({Table}) TO {DuckDb.Literal(path)} (FORMAT parquet, COMPRESSION {codec}, ROW_GROUP_SIZE 5000{version}); " +
            $"SELECT id, i64_n::VARCHAR, f64, f32_n, flag, flag_n, dict_str, plain_str, epoch_us(ts)::VARCHAR, " +
            $"epoch_us(ts_local)::VARCHAR, small FROM read_parquet({DuckDb.Literal(path)}) ORDER BY id");

        using var reader = ParquetFileReader.Open(path);
        Assert.True(reader.RowGroups.Count >= 4, $"expected several row groups, got {reader.RowGroups.Count}");
        Assert.Equal(codec.ToUpperInvariant(), reader.RowGroups[0].Columns[0].Codec);
        Assert.Contains(reader.RowGroups[0].Columns, c => c.HasDictionary);
        Assert.Equal(ParquetType.Int32, reader.Schema[reader.Schema.IndexOf("small")].Type);
        Assert.False(reader.Schema[reader.Schema.IndexOf("ts_local")].IsAdjustedToUtc);
        Assert.True(reader.Schema[reader.Schema.IndexOf("ts")].IsAdjustedToUtc);
        if (version != "")
        {
            // DuckDB 1.5 still writes DATA_PAGE (v1) headers under PARQUET_VERSION V2; what changes is the encodings,
            // so this mode exercises our DELTA_* and BYTE_STREAM_SPLIT decoders. V2 page headers are covered by
            // DuckDB reading ours (DuckDbReadsOurFilesTests).
            Assert.Equal(PageType.DataPage, FirstDataPageType(path, reader.RowGroups[0].Columns[1].DataPageOffset));
            var encodings = reader.RowGroups.SelectMany(g => g.Columns).SelectMany(c => c.Encodings).ToHashSet();
            Assert.Superset(new HashSet<string> { "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "BYTE_STREAM_SPLIT", "RLE_DICTIONARY" }, encodings);
        }

        var actual = Enumerable.Range(0, reader.Schema.Count).Select(_ => new List<object?>()).ToArray();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var columns = reader.ReadRowGroup(g);
            for (var c = 0; c < columns.Count; c++)
            {
                actual[c].AddRange(TestTables.Values(columns[c]));
            }
        }
        Assert.Equal(20000, expected.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            for (var c = 0; c < actual.Length; c++)
            {
                Assert.True(Same(actual[c][r], expected.Rows[r][c]),
                    $"column {reader.Schema[c].Name} row {r}: we read {actual[c][r] ?? "null"}, DuckDB has {expected.Rows[r][c]}");
            }
        }
    }

    [Fact]
    public void We_read_DuckDb_metric_rows_as_records()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("metrics.parquet");
        DuckDb.Query(
            $"COPY (SELECT 'run-' || (i // 1000) AS run_id, 'suite' AS suite, 'shipped' AS variant, (i % 5)::INTEGER AS seed, " +
            $"'smoke' AS profile, 'ood' AS split, 'mse' AS metric, i / 7.0 AS value, i::BIGINT AS step FROM range(3000) t(i)) " +
            $"TO {DuckDb.Literal(path)} (FORMAT parquet)");

        var rows = ParquetRecords.Read<MetricRow>(path);

        Assert.Equal(3000, rows.Count);
        Assert.Equal(new MetricRow("run-2", "suite", "shipped", 2507 % 5, "smoke", "ood", "mse", 2507 / 7.0, 2507), rows[2507]);
    }

    private static PageType FirstDataPageType(string path, long offset)
    {
        var bytes = File.ReadAllBytes(path);
        return PageHeader.Read(new CompactReader(bytes, (int)offset, bytes.Length - (int)offset)).Type;
    }

    private static bool Same(object? ours, JsonElement duck)
    {
        if (ours is null || duck.ValueKind == JsonValueKind.Null)
        {
            return ours is null && duck.ValueKind == JsonValueKind.Null;
        }
        return ours switch
        {
            bool b => duck.GetBoolean() == b,
            int i => duck.GetInt32() == i,
            long l => long.Parse(duck.GetString()!, CultureInfo.InvariantCulture) == l,
            float f => (float)duck.GetDouble() == f,
            double d => duck.GetDouble() == d,
            string s => duck.GetString() == s,
            _ => false,
        };
    }
}
