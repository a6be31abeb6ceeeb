namespace Touchstone.Parquet.Tests;

public class StatisticsTests
{
    [Fact]
    public void Chunk_statistics_hold_min_max_and_null_count_per_row_group()
    {
        var schema = new ParquetSchema(
            new ParquetField("id", ParquetType.Int64),
            new ParquetField("score", ParquetType.Double, true),
            new ParquetField("name", ParquetType.String, true),
            new ParquetField("flag", ParquetType.Boolean));
        var ids = Enumerable.Range(0, 400).Select(i => (long)i - 100).ToArray();
        var scores = ids.Select(i => i * 0.5).ToArray();
        var defined = ids.Select(i => i % 10 != 0).ToArray();
        var names = ids.Select(i => i % 4 == 0 ? null : $"n{i + 1000}").ToArray();
        var flags = ids.Select(i => i >= 0).ToArray();
        var file = TestTables.Write(schema,
        [
            new ParquetColumn<long>(schema[0], ids), new ParquetColumn<double>(schema[1], scores, defined),
            new ParquetColumn<string>(schema[2], names!), new ParquetColumn<bool>(schema[3], flags),
        ], new ParquetWriteOptions { RowGroupSize = 100 });

        using var reader = new ParquetFileReader(new MemoryStream(file));
        Assert.Equal(4, reader.RowGroups.Count);
        for (var g = 0; g < 4; g++)
        {
            var slice = Enumerable.Range(g * 100, 100).ToArray();
            var columns = reader.RowGroups[g].Columns;
            Assert.Equal(new ParquetStatistics(0, null, null, ids[slice[0]], ids[slice[^1]], true, true), columns[0].Statistics);
            var present = slice.Where(r => defined[r]).Select(r => scores[r]).ToArray();
            Assert.Equal(new ParquetStatistics(slice.Count(r => !defined[r]), null, 0, present.Min(), present.Max(), true, true), columns[1].Statistics);
            var strings = slice.Select(r => names[r]).OfType<string>().Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(new ParquetStatistics(slice.Count(r => names[r] is null), null, null, strings[0], strings[^1], true, true), columns[2].Statistics);
            Assert.Equal(slice.Any(r => !flags[r]) ? false : true, columns[3].Statistics!.Min);
            Assert.Equal(slice.Any(r => flags[r]), columns[3].Statistics!.Max);
        }
    }

    [Fact]
    public void Float_statistics_skip_NaN_count_it_and_widen_zeros()
    {
        var field = new ParquetField("x", ParquetType.Double);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<double>(field, [double.NaN, 0.0, -0.0, double.NaN])]);
        var onlyNaN = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<double>(field, [double.NaN])]);

        var stats = new ParquetFileReader(new MemoryStream(file)).RowGroups[0].Columns[0].Statistics!;
        var nanStats = new ParquetFileReader(new MemoryStream(onlyNaN)).RowGroups[0].Columns[0].Statistics!;

        Assert.Equal(2, stats.NanCount);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits((double)stats.Min!));
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits((double)stats.Max!));
        Assert.Equal(1, nanStats.NanCount);
        Assert.Null(nanStats.Min);
        Assert.Null(nanStats.Max);
    }

    [Fact]
    public void String_statistics_use_unsigned_byte_order_not_UTF16_order()
    {
        // U+FF5E sorts before U+1F600 in UTF-8 (EF BD 9E < F0 9F 98 80) but after it in UTF-16 (FF5E > D83D).
        var field = new ParquetField("s", ParquetType.String);
        string[] values = ["😀", "～", "a"];
        foreach (var dictionary in new[] { true, false })
        {
            var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, values)],
                new ParquetWriteOptions { UseDictionary = dictionary });
            var stats = new ParquetFileReader(new MemoryStream(file)).RowGroups[0].Columns[0].Statistics!;
            Assert.Equal("a", stats.Min);
            Assert.Equal("😀", stats.Max);
        }
    }

    [Fact]
    public void Long_string_bounds_are_truncated_to_valid_inexact_bounds()
    {
        var field = new ParquetField("s", ParquetType.String);
        var low = new string('b', 300);
        var high = new string('y', 299) + "ü" + "tail";
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, [high, low])]);

        var stats = new ParquetFileReader(new MemoryStream(file)).RowGroups[0].Columns[0].Statistics!;

        var min = (string)stats.Min!;
        var max = (string)stats.Max!;
        Assert.False(stats.IsMinExact);
        Assert.False(stats.IsMaxExact);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(min) <= 256);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(max) <= 260);
        Assert.True(string.CompareOrdinal(min, low) <= 0);
        Assert.True(string.CompareOrdinal(max, high) > 0);
    }

    [Fact]
    public void All_null_chunk_has_null_count_and_no_bounds()
    {
        var field = new ParquetField("s", ParquetType.Int32, true);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<int>(field, [1, 2, 3], [false, false, false])]);

        var stats = new ParquetFileReader(new MemoryStream(file)).RowGroups[0].Columns[0].Statistics!;

        Assert.Equal(3, stats.NullCount);
        Assert.Null(stats.Min);
        Assert.Null(stats.Max);
    }
}
