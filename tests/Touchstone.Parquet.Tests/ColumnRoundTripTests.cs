namespace Touchstone.Parquet.Tests;

public class ColumnRoundTripTests
{
    public static TheoryData<ParquetCompression, bool> CodecsAndPageVersions() => new()
    {
        { ParquetCompression.Uncompressed, false },
        { ParquetCompression.Snappy, false },
        { ParquetCompression.Gzip, false },
        { ParquetCompression.Uncompressed, true },
        { ParquetCompression.Snappy, true },
        { ParquetCompression.Gzip, true },
    };

    [Theory]
    [MemberData(nameof(CodecsAndPageVersions))]
    public void Every_type_round_trips_with_each_codec_and_page_version(ParquetCompression codec, bool v2)
    {
        var (schema, columns) = AllTypes(rows: 5000, seed: 1);
        var options = new ParquetWriteOptions { Compression = codec, UseDataPageV2 = v2, RowGroupSize = 1700, DataPageSize = 4096 };

        var file = TestTables.Write(schema, columns, options);
        var read = TestTables.ReadAll(file, out var readSchema);

        Assert.Equal(schema.ToList(), readSchema.ToList());
        for (var c = 0; c < columns.Count; c++)
        {
            Assert.Equal(TestTables.Values(columns[c]), read[c]);
        }
    }

    [Fact]
    public void Nulls_in_every_position_round_trip()
    {
        // Every null pattern of 10 rows: leading, trailing, alternating, all, none, and everything between.
        var rows = 10 * 1024;
        var ints = new int[rows];
        var defined = new bool[rows];
        var strings = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var pattern = r / 10;
            var isNull = (pattern >> (r % 10) & 1) == 1;
            ints[r] = r;
            defined[r] = !isNull;
            strings[r] = isNull ? null : $"s{r % 7}";
        }
        var schema = new ParquetSchema(new ParquetField("i", ParquetType.Int32, true), new ParquetField("s", ParquetType.String, true));
        ParquetColumn[] columns = [new ParquetColumn<int>(schema[0], ints, defined), new ParquetColumn<string>(schema[1], strings!)];

        foreach (var v2 in new[] { false, true })
        {
            var file = TestTables.Write(schema, columns, new ParquetWriteOptions { RowGroupSize = 1000, DataPageSize = 64, UseDataPageV2 = v2 });
            var read = TestTables.ReadAll(file, out _);
            Assert.Equal(TestTables.Values(columns[0]), read[0]);
            Assert.Equal(TestTables.Values(columns[1]), read[1]);
        }
    }

    [Fact]
    public void Empty_table_round_trips_with_its_schema()
    {
        var (schema, _) = AllTypes(rows: 0, seed: 0);
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, leaveOpen: true))
        {
            writer.Complete();
        }

        using var reader = new ParquetFileReader(new MemoryStream(stream.ToArray()));
        Assert.Equal(0, reader.RowCount);
        Assert.Empty(reader.RowGroups);
        Assert.Equal(schema.ToList(), reader.Schema.ToList());
    }

    [Fact]
    public void Unicode_strings_round_trip_byte_exact()
    {
        string?[] values =
        [
            "", "ascii", "ünïcödé", "日本語のテキスト", "emoji 🎉🚀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0000nul inside", "tab\tnew\nline",
            "right-to-left עברית", "combining e\u0301", new string('x', 5000), "\uFFFF", "\uD7FF\uE000", null,
        ];
        var field = new ParquetField("s", ParquetType.String, true);
        foreach (var dictionary in new[] { true, false })
        {
            var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, values!)],
                new ParquetWriteOptions { UseDictionary = dictionary });
            Assert.Equal(values, TestTables.ReadAll(file, out _)[0]);
        }
    }

    [Fact]
    public void Dictionary_falls_back_to_plain_when_it_grows_too_large()
    {
        var field = new ParquetField("s", ParquetType.String);
        var repetitive = Enumerable.Range(0, 10_000).Select(i => $"value-{i % 10}").ToArray();
        var distinct = Enumerable.Range(0, 10_000).Select(i => $"unique-value-{i:D6}").ToArray();
        var options = new ParquetWriteOptions { DictionaryPageSizeLimit = 16 * 1024 };

        var repetitiveFile = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, repetitive)], options);
        var distinctFile = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, distinct)], options);

        using var repetitiveReader = new ParquetFileReader(new MemoryStream(repetitiveFile));
        using var distinctReader = new ParquetFileReader(new MemoryStream(distinctFile));
        var dictionaryChunk = repetitiveReader.RowGroups[0].Columns[0];
        var plainChunk = distinctReader.RowGroups[0].Columns[0];
        Assert.True(dictionaryChunk.HasDictionary);
        Assert.Contains("RLE_DICTIONARY", dictionaryChunk.Encodings);
        Assert.False(plainChunk.HasDictionary);
        Assert.Equal(["PLAIN"], plainChunk.Encodings);
        Assert.Equal(repetitive, TestTables.ReadAll(repetitiveFile, out _)[0]);
        Assert.Equal(distinct, TestTables.ReadAll(distinctFile, out _)[0]);
    }

    [Fact]
    public void Million_rows_span_several_row_groups_and_read_back_exactly()
    {
        const int rows = 1_000_000;
        var schema = new ParquetSchema(
            new ParquetField("id", ParquetType.Int64),
            new ParquetField("metric", ParquetType.String),
            new ParquetField("value", ParquetType.Double, true));
        var ids = new long[rows];
        var metrics = new string[rows];
        var values = new double[rows];
        var defined = new bool[rows];
        string[] names = ["loss", "accuracy", "mse", "ece"];
        for (var i = 0; i < rows; i++)
        {
            ids[i] = i * 3L - 7;
            metrics[i] = names[i % names.Length];
            values[i] = Math.Sin(i) * 1e3;
            defined[i] = i % 97 != 0;
        }
        ParquetColumn[] columns =
        [
            new ParquetColumn<long>(schema[0], ids), new ParquetColumn<string>(schema[1], metrics),
            new ParquetColumn<double>(schema[2], values, defined),
        ];

        var file = TestTables.Write(schema, columns, new ParquetWriteOptions { RowGroupSize = 300_000 });

        using var reader = new ParquetFileReader(new MemoryStream(file));
        Assert.Equal(rows, reader.RowCount);
        Assert.Equal([300_000L, 300_000L, 300_000L, 100_000L], reader.RowGroups.Select(g => g.RowCount));
        var offset = 0;
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var id = (ParquetColumn<long>)reader.ReadColumn(g, "id");
            var metric = (ParquetColumn<string>)reader.ReadColumn(g, "metric");
            var value = (ParquetColumn<double>)reader.ReadColumn(g, "value");
            Assert.True(id.Values.AsSpan(0, id.Count).SequenceEqual(ids.AsSpan(offset, id.Count)));
            Assert.True(metric.Values.AsSpan(0, id.Count).SequenceEqual(metrics.AsSpan(offset, id.Count)));
            for (var r = 0; r < value.Count; r++)
            {
                Assert.Equal(defined[offset + r], value.Defined![r]);
                if (defined[offset + r])
                {
                    Assert.Equal(values[offset + r], value.Values[r]);
                }
            }
            offset += id.Count;
        }
        Assert.Equal(rows, offset);
    }

    [Fact]
    public void Special_floating_point_values_keep_their_bits()
    {
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e-310];
        var floats = doubles.Select(d => (float)d).ToArray();
        var schema = new ParquetSchema(new ParquetField("d", ParquetType.Double), new ParquetField("f", ParquetType.Float));

        var file = TestTables.Write(schema, [new ParquetColumn<double>(schema[0], doubles), new ParquetColumn<float>(schema[1], floats)]);

        using var reader = new ParquetFileReader(new MemoryStream(file));
        var d = (ParquetColumn<double>)reader.ReadColumn(0, 0);
        var f = (ParquetColumn<float>)reader.ReadColumn(0, 1);
        Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), d.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(floats.Select(BitConverter.SingleToInt32Bits), f.Values.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Writer_rejects_null_in_required_string_column_naming_it()
    {
        var field = new ParquetField("name", ParquetType.String);
        var error = Assert.Throws<ArgumentException>(() =>
            TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, ["a", null!, "c"])]));
        Assert.Contains("'name'", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void Writer_rejects_unpaired_surrogate_naming_the_column()
    {
        var field = new ParquetField("text", ParquetType.String);
        var error = Assert.Throws<ArgumentException>(() =>
            TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, ["ok", "bad \uD800 surrogate"])]));
        Assert.Contains("'text'", error.Message);
    }

    [Fact]
    public void Writer_rejects_columns_that_do_not_match_the_schema()
    {
        var schema = new ParquetSchema(new ParquetField("a", ParquetType.Int32), new ParquetField("b", ParquetType.Int32));
        using var writer = new ParquetFileWriter(new MemoryStream(), schema);
        Assert.Throws<ArgumentException>(() => writer.WriteRowGroup([new ParquetColumn<int>(schema[0], [1, 2])]));
        Assert.Throws<ArgumentException>(() => writer.WriteRowGroup(
            [new ParquetColumn<int>(schema[0], [1, 2]), new ParquetColumn<int>(schema[1], [1])]));
        Assert.Throws<ArgumentException>(() => writer.WriteRowGroup(
            [new ParquetColumn<int>(schema[1], [1]), new ParquetColumn<int>(schema[0], [1])]));
    }

    [Fact]
    public void File_without_footer_is_rejected_when_writer_is_not_completed()
    {
        var schema = new ParquetSchema(new ParquetField("a", ParquetType.Int32));
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteRowGroup([new ParquetColumn<int>(schema[0], [1, 2, 3])]);
        }
        var error = Assert.Throws<ParquetFormatException>(() => new ParquetFileReader(new MemoryStream(stream.ToArray())));
        Assert.Contains("PAR1", error.Message);
    }

    [Fact]
    public void Projection_reads_only_the_requested_columns()
    {
        var (schema, columns) = AllTypes(rows: 100, seed: 3);
        var file = TestTables.Write(schema, columns);
        using var reader = new ParquetFileReader(new MemoryStream(file));

        var projected = reader.ReadRowGroup(0, ["str", "i64"]);

        Assert.Equal(["str", "i64"], projected.Select(c => c.Field.Name));
        Assert.Equal(TestTables.Values(columns[schema.IndexOf("str")]), TestTables.Values(projected[0]));
    }

    /// <summary>A table with every supported type, required and nullable, filled from a seed.</summary>
    internal static (ParquetSchema Schema, List<ParquetColumn> Columns) AllTypes(int rows, int seed)
    {
        var random = new Random(seed);
        var schema = new ParquetSchema(
            new ParquetField("bool", ParquetType.Boolean),
            new ParquetField("bool_n", ParquetType.Boolean, true),
            new ParquetField("i32", ParquetType.Int32),
            new ParquetField("i32_n", ParquetType.Int32, true),
            new ParquetField("i64", ParquetType.Int64),
            new ParquetField("i64_n", ParquetType.Int64, true),
            new ParquetField("f32", ParquetType.Float),
            new ParquetField("f64_n", ParquetType.Double, true),
            new ParquetField("f64", ParquetType.Double),
            new ParquetField("str", ParquetType.String),
            new ParquetField("str_n", ParquetType.String, true),
            new ParquetField("ts_us", ParquetType.Timestamp),
            new ParquetField("ts_ms_n", ParquetType.Timestamp, true) { TimestampUnit = ParquetTimestampUnit.Milliseconds },
            new ParquetField("ts_ns_local_n", ParquetType.Timestamp, true) { TimestampUnit = ParquetTimestampUnit.Nanoseconds, IsAdjustedToUtc = false });
        bool[] Mask() => Enumerable.Range(0, rows).Select(_ => random.Next(4) != 0).ToArray();
        string[] words = ["alpha", "beta", "gamma", "δέλτα", "🎉"];
        var columns = new List<ParquetColumn>
        {
            new ParquetColumn<bool>(schema[0], Enumerable.Range(0, rows).Select(_ => random.Next(2) == 1).ToArray()),
            new ParquetColumn<bool>(schema[1], Enumerable.Range(0, rows).Select(_ => random.Next(2) == 1).ToArray(), Mask()),
            new ParquetColumn<int>(schema[2], Enumerable.Range(0, rows).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray()),
            new ParquetColumn<int>(schema[3], Enumerable.Range(0, rows).Select(_ => random.Next(-5, 5)).ToArray(), Mask()),
            new ParquetColumn<long>(schema[4], Enumerable.Range(0, rows).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray()),
            new ParquetColumn<long>(schema[5], Enumerable.Range(0, rows).Select(_ => random.NextInt64()).ToArray(), Mask()),
            new ParquetColumn<float>(schema[6], Enumerable.Range(0, rows).Select(_ => (float)(random.NextDouble() * 100 - 50)).ToArray()),
            new ParquetColumn<double>(schema[7], Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray(), Mask()),
            new ParquetColumn<double>(schema[8], Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 1e300).ToArray()),
            new ParquetColumn<string>(schema[9], Enumerable.Range(0, rows).Select(_ => words[random.Next(words.Length)]).ToArray()),
            new ParquetColumn<string>(schema[10], Enumerable.Range(0, rows).Select(i => random.Next(3) == 0 ? null : $"row {i} {words[i % 5]}").ToArray()!),
            new ParquetColumn<long>(schema[11], Enumerable.Range(0, rows).Select(_ => random.NextInt64(-10_000_000_000_000, 10_000_000_000_000)).ToArray()),
            new ParquetColumn<long>(schema[12], Enumerable.Range(0, rows).Select(_ => random.NextInt64(0, 4_000_000_000_000)).ToArray(), Mask()),
            new ParquetColumn<long>(schema[13], Enumerable.Range(0, rows).Select(_ => random.NextInt64(-1_000_000_000_000_000_000, 4_000_000_000_000_000_000)).ToArray(), Mask()),
        };
        return (schema, columns);
    }
}
