using Touchstone.Testing;

namespace Touchstone.Parquet.Tests;

/// <summary>
/// Two readers that share no code with this library (DuckDB in-process and Parquet.Net) read every column of what
/// it writes — the shapes a run produces at the edges: every value null, no rows, one row — and see our values.
/// </summary>
public class IndependentReadersTests
{
    private static readonly ParquetSchema Schema = new(
        new ParquetField("bool", ParquetType.Boolean),
        new ParquetField("bool_n", ParquetType.Boolean, true),
        new ParquetField("i32", ParquetType.Int32),
        new ParquetField("i32_n", ParquetType.Int32, true),
        new ParquetField("i64", ParquetType.Int64),
        new ParquetField("i64_n", ParquetType.Int64, true),
        new ParquetField("f32", ParquetType.Float),
        new ParquetField("f32_n", ParquetType.Float, true),
        new ParquetField("f64", ParquetType.Double),
        new ParquetField("f64_n", ParquetType.Double, true),
        new ParquetField("str", ParquetType.String),
        new ParquetField("str_n", ParquetType.String, true),
        new ParquetField("ts", ParquetType.Timestamp),
        new ParquetField("ts_n", ParquetType.Timestamp, true));

    /// <summary>Columns of <paramref name="rows"/> rows; the nullable ones are all null when <paramref name="allNull"/>.</summary>
    private static List<ParquetColumn> Columns(int rows, bool allNull)
    {
        var random = new Random(rows);
        bool[]? Mask() => allNull ? new bool[rows] : Enumerable.Range(0, rows).Select(i => i % 3 != 1).ToArray();
        T[] Make<T>(Func<int, T> f) => Enumerable.Range(0, rows).Select(f).ToArray();
        return
        [
            new ParquetColumn<bool>(Schema[0], Make(i => i % 2 == 0)),
            new ParquetColumn<bool>(Schema[1], Make(i => i % 3 == 0), Mask()),
            new ParquetColumn<int>(Schema[2], Make(_ => random.Next(int.MinValue, int.MaxValue))),
            new ParquetColumn<int>(Schema[3], Make(i => i - 5), Mask()),
            new ParquetColumn<long>(Schema[4], Make(_ => random.NextInt64(long.MinValue, long.MaxValue))),
            new ParquetColumn<long>(Schema[5], Make(i => (long)i << 40), Mask()),
            new ParquetColumn<float>(Schema[6], Make(i => i == 1 ? float.NaN : (float)random.NextDouble())),
            new ParquetColumn<float>(Schema[7], Make(i => -i / 7f), Mask()),
            new ParquetColumn<double>(Schema[8], Make(i => i == 2 ? double.PositiveInfinity : random.NextDouble() * 1e300)),
            new ParquetColumn<double>(Schema[9], Make(i => i / 3.0), Mask()),
            new ParquetColumn<string>(Schema[10], Make(i => i % 4 == 0 ? "" : $"ok-{i % 5} δ")),
            new ParquetColumn<string>(Schema[11], allNull ? new string[rows] : Make(i => i % 3 == 1 ? null! : $"error {i}")),
            new ParquetColumn<long>(Schema[12], Make(i => 1_764_900_000_000_000L + i * 1_234_567L)),
            new ParquetColumn<long>(Schema[13], Make(i => -i * 1_000_000L), Mask()),
        ];
    }

    public static TheoryData<int, bool, bool> Shapes => new()
    {
        { 0, false, false },
        { 1, false, false },
        { 1, true, false },
        { 50, true, false },
        { 50, true, true },
        { 5000, false, false },
        { 5000, true, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DuckDb_and_ParquetNet_read_every_column_as_written(int rows, bool allNull, bool v2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("t.parquet");
        var columns = Columns(rows, allNull);
        // Small row groups and pages so the larger shapes span several of each.
        File.WriteAllBytes(path, TestTables.Write(Schema, columns,
            new ParquetWriteOptions { UseDataPageV2 = v2, RowGroupSize = 2000, DataPageSize = 1024 }));
        var expected = Enumerable.Range(0, rows)
            .Select(r => columns.Select(c => c.GetValue(r) is { } v ? IndependentParquet.Text(v) : null).ToArray())
            .ToList();

        foreach (var read in new[] { IndependentParquet.ReadWithDuckDb(path), IndependentParquet.ReadWithParquetNet(path) })
        {
            Assert.Equal(Schema.Select(f => f.Name), read.Columns);
            Assert.Equal(expected, read.Rows);
        }
    }
}
