using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;
using Touchstone.Parquet.Writing;

namespace Touchstone.Parquet.Tests;

/// <summary>Layouts older or other writers produce, rebuilt from our files by rewriting the footer.</summary>
public class LegacyLayoutTests
{
    [Fact]
    public void Dictionary_page_without_dictionary_page_offset_is_still_read()
    {
        // Some writers leave dictionary_page_offset unset and point data_page_offset at the dictionary page.
        var field = new ParquetField("s", ParquetType.String);
        var values = Enumerable.Range(0, 1000).Select(i => $"v{i % 3}").ToArray();
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, values)]);

        var legacy = RewriteFooter(file, metadata =>
        {
            var meta = metadata.RowGroups[0].Columns[0].MetaData!;
            meta.DataPageOffset = meta.DictionaryPageOffset!.Value;
            meta.DictionaryPageOffset = null;
        });

        Assert.Equal(values, TestTables.ReadAll(legacy, out _)[0]);
    }

    [Fact]
    public void Legacy_timestamp_annotation_without_logical_type_reads_as_utc_timestamp()
    {
        var field = new ParquetField("t", ParquetType.Timestamp) { TimestampUnit = ParquetTimestampUnit.Milliseconds };
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<long>(field, [1_700_000_000_123])]);

        var legacy = RewriteFooter(file, metadata => metadata.Schema[1].LogicalType = null);

        using var reader = new ParquetFileReader(new MemoryStream(legacy));
        Assert.Equal(field, reader.Schema[0]);
        Assert.Equal([1_700_000_000_123L], TestTables.Values(reader.ReadColumn(0, 0)));
    }

    [Fact]
    public void Unsupported_column_does_not_stop_reading_the_others()
    {
        var schema = new ParquetSchema(new ParquetField("ok", ParquetType.Int32), new ParquetField("date", ParquetType.Int32));
        var file = TestTables.Write(schema, [new ParquetColumn<int>(schema[0], [1, 2]), new ParquetColumn<int>(schema[1], [19000, 19001])]);
        var dated = RewriteFooter(file, metadata => metadata.Schema[2].ConvertedType = ConvertedType.Date);

        using var reader = new ParquetFileReader(new MemoryStream(dated));

        Assert.Equal(["ok"], reader.Schema.Select(f => f.Name));
        Assert.Contains("DATE", reader.UnsupportedColumns["date"]);
        Assert.Equal([1, 2], TestTables.Values(reader.ReadColumn(0, "ok")).Cast<int>());
        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, "date"));
        Assert.Contains("column 'date'", error.Message);
        Assert.Contains("INT32 with converted type DATE is not supported", error.Message);
        var recordError = Assert.Throws<ParquetFormatException>(() => ParquetRecords.Read<WithDate>(new MemoryStream(dated)));
        Assert.Contains("WithDate.Date", recordError.Message);
    }

    [Fact]
    public void Nested_schema_is_rejected_naming_the_group()
    {
        var field = new ParquetField("x", ParquetType.Int32);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<int>(field, [1])]);
        var nested = RewriteFooter(file, metadata =>
        {
            metadata.Schema[0].NumChildren = 1;
            metadata.Schema.Insert(1, new SchemaElement { Name = "point", NumChildren = 1, RepetitionType = Repetition.Optional });
        });

        var error = Assert.Throws<ParquetFormatException>(() => new ParquetFileReader(new MemoryStream(nested)));

        Assert.Contains("column 'point'", error.Message);
        Assert.Contains("nested", error.Message);
    }

    [Fact]
    public void Footer_claiming_more_rows_than_the_pages_hold_fails_without_allocating_for_them()
    {
        var field = new ParquetField("x", ParquetType.Int64, true);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<long>(field, new long[100])]);
        const long claimed = 60_000_000;
        var inflated = RewriteFooter(file, metadata =>
        {
            metadata.NumRows = claimed;
            metadata.RowGroups[0].NumRows = claimed;
            metadata.RowGroups[0].Columns[0].MetaData!.NumValues = claimed;
        });
        using var reader = new ParquetFileReader(new MemoryStream(inflated));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, "x"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("ends after 100 of 60000000 rows", error.Message);
        // 60 M rows of long plus a mask would be 540 MB; only the initial 1 Mi-row arrays (9 MB) may be allocated.
        Assert.True(allocated < 16 << 20, $"allocated {allocated} bytes");
    }

    public sealed record WithDate(int Ok, int Date);

    private static byte[] RewriteFooter(byte[] file, Action<FileMetaData> change)
    {
        var footerLength = BitConverter.ToInt32(file, file.Length - 8);
        var footerStart = file.Length - 8 - footerLength;
        var metadata = FileMetaData.Read(new CompactReader(file, footerStart, footerLength));
        change(metadata);
        using var footer = new ByteBuffer();
        metadata.Write(new CompactWriter(footer));
        return [.. file[..footerStart], .. footer.Span, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];
    }
}
