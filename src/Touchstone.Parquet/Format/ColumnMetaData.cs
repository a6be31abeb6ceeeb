using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>Where a column chunk's pages are and how they are encoded (parquet.thrift ColumnMetaData).</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<Encoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    public List<PageEncodingStats>? EncodingStats { get; set; }

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        w.WriteI32(1, (int)Type);
        w.BeginListField(2, CompactType.I32, Encodings.Count);
        foreach (var encoding in Encodings)
        {
            w.WriteI32Value((int)encoding);
        }
        w.BeginListField(3, CompactType.Binary, PathInSchema.Count);
        foreach (var part in PathInSchema)
        {
            w.WriteStringValue(part);
        }
        w.WriteI32(4, (int)Codec);
        w.WriteI64(5, NumValues);
        w.WriteI64(6, TotalUncompressedSize);
        w.WriteI64(7, TotalCompressedSize);
        w.WriteI64(9, DataPageOffset);
        w.WriteOptionalI64(11, DictionaryPageOffset);
        Statistics?.Write(w, 12);
        if (EncodingStats is not null)
        {
            w.BeginListField(13, CompactType.Struct, EncodingStats.Count);
            foreach (var stats in EncodingStats)
            {
                stats.Write(w);
            }
        }
        w.EndStruct();
    }

    public static ColumnMetaData Read(CompactReader r)
    {
        int? physicalType = null, codec = null;
        List<Encoding>? encodings = null;
        List<string>? path = null;
        long? numValues = null, uncompressed = null, compressed = null, dataPageOffset = null;
        var m = new ColumnMetaData();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: physicalType = r.I32(type, "ColumnMetaData.type"); return true;
                case 2: encodings = r.List(type, CompactType.I32, "ColumnMetaData.encodings", x => (Encoding)x.ReadI32()); return true;
                case 3: path = r.List(type, CompactType.Binary, "ColumnMetaData.path_in_schema", x => x.ReadString()); return true;
                case 4: codec = r.I32(type, "ColumnMetaData.codec"); return true;
                case 5: numValues = r.I64(type, "ColumnMetaData.num_values"); return true;
                case 6: uncompressed = r.I64(type, "ColumnMetaData.total_uncompressed_size"); return true;
                case 7: compressed = r.I64(type, "ColumnMetaData.total_compressed_size"); return true;
                case 9: dataPageOffset = r.I64(type, "ColumnMetaData.data_page_offset"); return true;
                case 11: m.DictionaryPageOffset = r.I64(type, "ColumnMetaData.dictionary_page_offset"); return true;
                case 12: m.Statistics = r.Struct(type, "ColumnMetaData.statistics", Statistics.Read); return true;
                case 13: m.EncodingStats = r.List(type, CompactType.Struct, "ColumnMetaData.encoding_stats", PageEncodingStats.Read); return true;
                default: return false;
            }
        });
        m.Type = (PhysicalType)Required.Field(physicalType, "ColumnMetaData", "type");
        m.Encodings = Required.Field(encodings, "ColumnMetaData", "encodings");
        m.PathInSchema = Required.Field(path, "ColumnMetaData", "path_in_schema");
        m.Codec = (CompressionCodec)Required.Field(codec, "ColumnMetaData", "codec");
        m.NumValues = Required.Field(numValues, "ColumnMetaData", "num_values");
        m.TotalUncompressedSize = Required.Field(uncompressed, "ColumnMetaData", "total_uncompressed_size");
        m.TotalCompressedSize = Required.Field(compressed, "ColumnMetaData", "total_compressed_size");
        m.DataPageOffset = Required.Field(dataPageOffset, "ColumnMetaData", "data_page_offset");
        return m;
    }
}

/// <summary>How many pages of a type used an encoding (parquet.thrift PageEncodingStats).</summary>
internal sealed record PageEncodingStats(PageType PageType, Encoding Encoding, int Count)
{
    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32(1, (int)PageType);
        w.WriteI32(2, (int)Encoding);
        w.WriteI32(3, Count);
        w.EndStruct();
    }

    public static PageEncodingStats Read(CompactReader r)
    {
        int? pageType = null, encoding = null, count = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: pageType = r.I32(type, "PageEncodingStats.page_type"); return true;
                case 2: encoding = r.I32(type, "PageEncodingStats.encoding"); return true;
                case 3: count = r.I32(type, "PageEncodingStats.count"); return true;
                default: return false;
            }
        });
        return new PageEncodingStats(
            (PageType)Required.Field(pageType, "PageEncodingStats", "page_type"),
            (Encoding)Required.Field(encoding, "PageEncodingStats", "encoding"),
            Required.Field(count, "PageEncodingStats", "count"));
    }
}

/// <summary>A column chunk entry of a row group (parquet.thrift ColumnChunk).</summary>
internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    public bool IsEncrypted { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI64(2, FileOffset);
        MetaData?.Write(w, 3);
        w.EndStruct();
    }

    public static ColumnChunk Read(CompactReader r)
    {
        var c = new ColumnChunk();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: c.FilePath = r.String(type, "ColumnChunk.file_path"); return true;
                case 2: c.FileOffset = r.I64(type, "ColumnChunk.file_offset"); return true;
                case 3: c.MetaData = r.Struct(type, "ColumnChunk.meta_data", ColumnMetaData.Read); return true;
                case 8 or 9:
                    // crypto_metadata or encrypted_column_metadata: the chunk is encrypted.
                    c.IsEncrypted = true;
                    return false;
                default: return false;
            }
        });
        return c;
    }
}
