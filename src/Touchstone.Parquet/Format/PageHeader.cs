using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>The header in front of every page (parquet.thrift PageHeader); one of the typed headers is set.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public int? Crc { get; set; }

    public DataPageHeader? DataPage { get; set; }

    public DictionaryPageHeader? DictionaryPage { get; set; }

    public DataPageHeaderV2? DataPageV2 { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32(1, (int)Type);
        w.WriteI32(2, UncompressedPageSize);
        w.WriteI32(3, CompressedPageSize);
        w.WriteOptionalI32(4, Crc);
        DataPage?.Write(w, 5);
        DictionaryPage?.Write(w, 7);
        DataPageV2?.Write(w, 8);
        w.EndStruct();
    }

    public static PageHeader Read(CompactReader r)
    {
        int? pageType = null, uncompressed = null, compressed = null;
        var h = new PageHeader();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: pageType = r.I32(type, "PageHeader.type"); return true;
                case 2: uncompressed = r.I32(type, "PageHeader.uncompressed_page_size"); return true;
                case 3: compressed = r.I32(type, "PageHeader.compressed_page_size"); return true;
                case 4: h.Crc = r.I32(type, "PageHeader.crc"); return true;
                case 5: h.DataPage = r.Struct(type, "PageHeader.data_page_header", DataPageHeader.Read); return true;
                case 7: h.DictionaryPage = r.Struct(type, "PageHeader.dictionary_page_header", DictionaryPageHeader.Read); return true;
                case 8: h.DataPageV2 = r.Struct(type, "PageHeader.data_page_header_v2", DataPageHeaderV2.Read); return true;
                default: return false;
            }
        });
        h.Type = (PageType)Required.Field(pageType, "PageHeader", "type");
        h.UncompressedPageSize = Required.Field(uncompressed, "PageHeader", "uncompressed_page_size");
        h.CompressedPageSize = Required.Field(compressed, "PageHeader", "compressed_page_size");
        if (h.UncompressedPageSize < 0 || h.CompressedPageSize < 0)
        {
            throw new ParquetFormatException(
                $"a page header gives a negative size ({h.CompressedPageSize} compressed, {h.UncompressedPageSize} uncompressed)");
        }
        return h;
    }
}

/// <summary>Header of a version 1 data page: levels and values share one compressed block.</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; }

    public Encoding DefinitionLevelEncoding { get; set; } = Encoding.Rle;

    public Encoding RepetitionLevelEncoding { get; set; } = Encoding.Rle;

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        w.WriteI32(1, NumValues);
        w.WriteI32(2, (int)Encoding);
        w.WriteI32(3, (int)DefinitionLevelEncoding);
        w.WriteI32(4, (int)RepetitionLevelEncoding);
        w.EndStruct();
    }

    public static DataPageHeader Read(CompactReader r)
    {
        int? numValues = null, encoding = null, definition = null, repetition = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: numValues = r.I32(type, "DataPageHeader.num_values"); return true;
                case 2: encoding = r.I32(type, "DataPageHeader.encoding"); return true;
                case 3: definition = r.I32(type, "DataPageHeader.definition_level_encoding"); return true;
                case 4: repetition = r.I32(type, "DataPageHeader.repetition_level_encoding"); return true;
                default: return false;
            }
        });
        return new DataPageHeader
        {
            NumValues = Required.Field(numValues, "DataPageHeader", "num_values"),
            Encoding = (Encoding)Required.Field(encoding, "DataPageHeader", "encoding"),
            DefinitionLevelEncoding = (Encoding)Required.Field(definition, "DataPageHeader", "definition_level_encoding"),
            RepetitionLevelEncoding = (Encoding)Required.Field(repetition, "DataPageHeader", "repetition_level_encoding"),
        };
    }
}

/// <summary>Header of the dictionary page at the start of a dictionary-encoded column chunk.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public Encoding Encoding { get; set; } = Encoding.Plain;

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        w.WriteI32(1, NumValues);
        w.WriteI32(2, (int)Encoding);
        w.EndStruct();
    }

    public static DictionaryPageHeader Read(CompactReader r)
    {
        int? numValues = null, encoding = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: numValues = r.I32(type, "DictionaryPageHeader.num_values"); return true;
                case 2: encoding = r.I32(type, "DictionaryPageHeader.encoding"); return true;
                default: return false;
            }
        });
        return new DictionaryPageHeader
        {
            NumValues = Required.Field(numValues, "DictionaryPageHeader", "num_values"),
            Encoding = (Encoding)Required.Field(encoding, "DictionaryPageHeader", "encoding"),
        };
    }
}

/// <summary>Header of a version 2 data page: levels are stored uncompressed in front of the values.</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public Encoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        w.WriteI32(1, NumValues);
        w.WriteI32(2, NumNulls);
        w.WriteI32(3, NumRows);
        w.WriteI32(4, (int)Encoding);
        w.WriteI32(5, DefinitionLevelsByteLength);
        w.WriteI32(6, RepetitionLevelsByteLength);
        w.WriteBool(7, IsCompressed);
        w.EndStruct();
    }

    public static DataPageHeaderV2 Read(CompactReader r)
    {
        int? numValues = null, numNulls = null, numRows = null, encoding = null, definition = null, repetition = null;
        var compressed = true;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: numValues = r.I32(type, "DataPageHeaderV2.num_values"); return true;
                case 2: numNulls = r.I32(type, "DataPageHeaderV2.num_nulls"); return true;
                case 3: numRows = r.I32(type, "DataPageHeaderV2.num_rows"); return true;
                case 4: encoding = r.I32(type, "DataPageHeaderV2.encoding"); return true;
                case 5: definition = r.I32(type, "DataPageHeaderV2.definition_levels_byte_length"); return true;
                case 6: repetition = r.I32(type, "DataPageHeaderV2.repetition_levels_byte_length"); return true;
                case 7: compressed = r.Bool(type, "DataPageHeaderV2.is_compressed"); return true;
                default: return false;
            }
        });
        return new DataPageHeaderV2
        {
            NumValues = Required.Field(numValues, "DataPageHeaderV2", "num_values"),
            NumNulls = Required.Field(numNulls, "DataPageHeaderV2", "num_nulls"),
            NumRows = Required.Field(numRows, "DataPageHeaderV2", "num_rows"),
            Encoding = (Encoding)Required.Field(encoding, "DataPageHeaderV2", "encoding"),
            DefinitionLevelsByteLength = Required.Field(definition, "DataPageHeaderV2", "definition_levels_byte_length"),
            RepetitionLevelsByteLength = Required.Field(repetition, "DataPageHeaderV2", "repetition_levels_byte_length"),
            IsCompressed = compressed,
        };
    }
}
