using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;
using Touchstone.Parquet.Writing;

namespace Touchstone.Parquet.Tests;

public class ThriftCompactProtocolTests
{
    [Fact]
    public void Field_headers_use_short_form_deltas_and_long_form_beyond_fifteen()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.WriteI32(1, 3);     // delta 1, type i32: 0x15, zigzag(3) = 6
            w.WriteI32(17, -1);   // delta 16: long form 0x05, zigzag(17) = 34, zigzag(-1) = 1
            w.WriteBool(18, true); // delta 1, BOOLEAN_TRUE: 0x11
            w.EndStruct();
        });

        Assert.Equal([0x15, 0x06, 0x05, 0x22, 0x01, 0x11, 0x00], bytes);
    }

    [Fact]
    public void Varints_are_zigzag_LEB128_as_in_the_spec_example()
    {
        // The spec's example: 50399 encodes as DF 89 03 (after zigzag, 50399 is what -25200 becomes).
        var bytes = Write(w => w.WriteI64Value(-25200));
        Assert.Equal([0xDF, 0x89, 0x03], bytes);
    }

    [Fact]
    public void Lists_use_short_header_below_fifteen_elements_and_varint_size_above()
    {
        var shortList = Write(w =>
        {
            w.BeginStruct();
            w.BeginListField(1, CompactType.I32, 2);
            w.WriteI32Value(1);
            w.WriteI32Value(2);
            w.EndStruct();
        });
        var longList = Write(w =>
        {
            w.BeginStruct();
            w.BeginListField(1, CompactType.I32, 20);
            for (var i = 0; i < 20; i++)
            {
                w.WriteI32Value(i);
            }
            w.EndStruct();
        });

        Assert.Equal([0x19, 0x25, 0x02, 0x04, 0x00], shortList);
        Assert.Equal([0x19, 0xF5, 20], longList.Take(3));
    }

    [Fact]
    public void Metadata_round_trips_through_writer_and_reader()
    {
        var original = new FileMetaData
        {
            Version = 1,
            Schema =
            [
                new SchemaElement { Name = "schema", NumChildren = 2 },
                new SchemaElement { Name = "ts", Type = PhysicalType.Int64, RepetitionType = Repetition.Optional, LogicalType = LogicalType.Timestamp(TimeUnit.Millis, true) },
                new SchemaElement { Name = "s", Type = PhysicalType.ByteArray, RepetitionType = Repetition.Required, LogicalType = LogicalType.String, ConvertedType = ConvertedType.Utf8 },
            ],
            NumRows = 1L << 40,
            RowGroups = [new RowGroup { NumRows = 5, TotalByteSize = 99, Ordinal = 300, Columns = [new ColumnChunk { MetaData = new ColumnMetaData { PathInSchema = ["ts"], Encodings = [Encoding.Plain], Statistics = new Statistics { MinValue = [1, 2], NullCount = -3 } } }] }],
            KeyValueMetadata = [new KeyValue("k", "v ü"), new KeyValue("empty", null)],
            CreatedBy = "test",
            TypeDefinedColumnOrders = [true, true],
        };

        var bytes = Write(original.Write);
        var read = FileMetaData.Read(new CompactReader(bytes, 0, bytes.Length));

        Assert.Equal(original.NumRows, read.NumRows);
        Assert.Equal(["schema", "ts", "s"], read.Schema.Select(e => e.Name));
        Assert.Equal(LogicalType.Timestamp(TimeUnit.Millis, true), read.Schema[1].LogicalType);
        Assert.Equal(ConvertedType.Utf8, read.Schema[2].ConvertedType);
        Assert.Equal([1, 2], read.RowGroups[0].Columns[0].MetaData!.Statistics!.MinValue);
        Assert.Equal(-3, read.RowGroups[0].Columns[0].MetaData!.Statistics!.NullCount);
        Assert.Equal(original.KeyValueMetadata, read.KeyValueMetadata);
        Assert.Equal([true, true], read.TypeDefinedColumnOrders);
    }

    [Fact]
    public void Unknown_fields_of_every_type_are_skipped_for_forward_compatibility()
    {
        // A KeyValue from a "newer writer": unknown fields 3..10 of each wire type around the known ones.
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.WriteString(1, "key");
            w.WriteI64(3, long.MinValue);
            w.WriteBool(4, false);
            w.BeginStructField(5);
            w.BeginListField(1, CompactType.Struct, 1);
            w.BeginStruct();
            w.WriteBinary(1, [1, 2, 3]);
            w.EndStruct();
            w.EndStruct();
            w.BeginListField(6, CompactType.BooleanTrue, 2);
            w.WriteI32Value(0);
            w.WriteI32Value(0);
            w.EndStruct();
        });
        // Splice in a map (id 7) and a double (id 8) by hand; the writer has no use for them.
        // The map has one entry, i32 key 1 (zigzag 0x02) to binary 0x03 0x04.
        var spliced = bytes[..^1].Concat(new byte[] { 0x1B, 0x01, 0x58, 0x02, 0x02, 0x03, 0x04, 0x17 }).Concat(BitConverter.GetBytes(1.5)).Concat(new byte[] { 0x00 }).ToArray();
        var reader = new CompactReader(spliced, 0, spliced.Length);

        var read = KeyValue.Read(reader);

        Assert.Equal(new KeyValue("key", null), read);
        Assert.Equal(spliced.Length, reader.Position);
    }

    [Fact]
    public void List_claiming_more_elements_than_bytes_is_rejected_before_allocating()
    {
        // A list of i32 whose long-form size is 2^31 - 1, followed by two bytes.
        byte[] bytes = [0xF5, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0x00];
        var error = Assert.Throws<ParquetFormatException>(() => new CompactReader(bytes, 0, bytes.Length).ReadListHeader(out _));
        Assert.Contains("list", error.Message);
    }

    [Fact]
    public void Deep_nesting_is_rejected_instead_of_overflowing_the_stack()
    {
        // 100 nested struct fields (id 1, type struct = 0x1C), never closed.
        var bytes = Enumerable.Repeat((byte)0x1C, 100).ToArray();
        var error = Assert.Throws<ParquetFormatException>(() => new CompactReader(bytes, 0, bytes.Length).Skip(CompactType.Struct));
        Assert.Contains("nests deeper", error.Message);
    }

    [Fact]
    public void String_longer_than_the_buffer_is_rejected()
    {
        byte[] bytes = [0x18, 0xFF, 0xFF, 0x03, (byte)'a'];
        var error = Assert.Throws<ParquetFormatException>(() => KeyValue.Read(new CompactReader(bytes, 0, bytes.Length)));
        Assert.Contains("claims", error.Message);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.WriteI32(1, 0);
            w.EndStruct();
        });
        var error = Assert.Throws<ParquetFormatException>(() => PageHeader.Read(new CompactReader(bytes, 0, bytes.Length)));
        Assert.Contains("PageHeader.uncompressed_page_size", error.Message);
    }

    [Fact]
    public void Known_field_with_the_wrong_wire_type_is_rejected()
    {
        var bytes = Write(w =>
        {
            w.BeginStruct();
            w.WriteString(1, "not an int");
            w.EndStruct();
        });
        var error = Assert.Throws<ParquetFormatException>(() => PageHeader.Read(new CompactReader(bytes, 0, bytes.Length)));
        Assert.Contains("PageHeader.type", error.Message);
    }

    private static byte[] Write(Action<CompactWriter> write)
    {
        using var buffer = new ByteBuffer();
        write(new CompactWriter(buffer));
        return buffer.Span.ToArray();
    }
}
