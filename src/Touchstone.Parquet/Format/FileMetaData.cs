using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>The footer of a Parquet file (parquet.thrift FileMetaData).</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue>? KeyValueMetadata { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Per leaf column: true when its order is TypeDefinedOrder (the only order this library writes).</summary>
    public List<bool>? TypeDefinedColumnOrders { get; set; }

    public bool IsEncrypted { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteI32(1, Version);
        w.BeginListField(2, CompactType.Struct, Schema.Count);
        foreach (var element in Schema)
        {
            element.Write(w);
        }
        w.WriteI64(3, NumRows);
        w.BeginListField(4, CompactType.Struct, RowGroups.Count);
        foreach (var rowGroup in RowGroups)
        {
            rowGroup.Write(w);
        }
        if (KeyValueMetadata is { Count: > 0 })
        {
            w.BeginListField(5, CompactType.Struct, KeyValueMetadata.Count);
            foreach (var pair in KeyValueMetadata)
            {
                pair.Write(w);
            }
        }
        if (CreatedBy is not null)
        {
            w.WriteString(6, CreatedBy);
        }
        if (TypeDefinedColumnOrders is not null)
        {
            w.BeginListField(7, CompactType.Struct, TypeDefinedColumnOrders.Count);
            foreach (var _ in TypeDefinedColumnOrders)
            {
                // ColumnOrder is a union; field 1 is TypeDefinedOrder, an empty struct.
                w.BeginStruct();
                w.WriteEmptyStructField(1);
                w.EndStruct();
            }
        }
        w.EndStruct();
    }

    public static FileMetaData Read(CompactReader r)
    {
        int? version = null;
        List<SchemaElement>? schema = null;
        long? numRows = null;
        List<RowGroup>? rowGroups = null;
        var m = new FileMetaData();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: version = r.I32(type, "FileMetaData.version"); return true;
                case 2: schema = r.List(type, CompactType.Struct, "FileMetaData.schema", SchemaElement.Read); return true;
                case 3: numRows = r.I64(type, "FileMetaData.num_rows"); return true;
                case 4: rowGroups = r.List(type, CompactType.Struct, "FileMetaData.row_groups", RowGroup.Read); return true;
                case 5: m.KeyValueMetadata = r.List(type, CompactType.Struct, "FileMetaData.key_value_metadata", KeyValue.Read); return true;
                case 6: m.CreatedBy = r.String(type, "FileMetaData.created_by"); return true;
                case 7: m.TypeDefinedColumnOrders = r.List(type, CompactType.Struct, "FileMetaData.column_orders", ReadColumnOrder); return true;
                case 8:
                    // encryption_algorithm: set only in encrypted files with a plaintext footer.
                    m.IsEncrypted = true;
                    return false;
                default: return false;
            }
        });
        m.Version = Required.Field(version, "FileMetaData", "version");
        m.Schema = Required.Field(schema, "FileMetaData", "schema");
        m.NumRows = Required.Field(numRows, "FileMetaData", "num_rows");
        m.RowGroups = Required.Field(rowGroups, "FileMetaData", "row_groups");
        return m;
    }

    private static bool ReadColumnOrder(CompactReader r)
    {
        var typeDefined = false;
        r.ReadStruct((id, type) =>
        {
            typeDefined |= id == 1 && type == CompactType.Struct;
            return false;
        });
        return typeDefined;
    }
}

/// <summary>A horizontal slice of the table: one column chunk per leaf column.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.BeginListField(1, CompactType.Struct, Columns.Count);
        foreach (var column in Columns)
        {
            column.Write(w);
        }
        w.WriteI64(2, TotalByteSize);
        w.WriteI64(3, NumRows);
        w.WriteOptionalI64(5, FileOffset);
        w.WriteOptionalI64(6, TotalCompressedSize);
        if (Ordinal is { } ordinal)
        {
            // i16 is a zigzag varint like i32, with its own wire type.
            w.WriteI16(7, ordinal);
        }
        w.EndStruct();
    }

    public static RowGroup Read(CompactReader r)
    {
        List<ColumnChunk>? columns = null;
        long? totalByteSize = null, numRows = null;
        var g = new RowGroup();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: columns = r.List(type, CompactType.Struct, "RowGroup.columns", ColumnChunk.Read); return true;
                case 2: totalByteSize = r.I64(type, "RowGroup.total_byte_size"); return true;
                case 3: numRows = r.I64(type, "RowGroup.num_rows"); return true;
                case 5: g.FileOffset = r.I64(type, "RowGroup.file_offset"); return true;
                case 6: g.TotalCompressedSize = r.I64(type, "RowGroup.total_compressed_size"); return true;
                default: return false;
            }
        });
        g.Columns = Required.Field(columns, "RowGroup", "columns");
        g.TotalByteSize = Required.Field(totalByteSize, "RowGroup", "total_byte_size");
        g.NumRows = Required.Field(numRows, "RowGroup", "num_rows");
        return g;
    }
}

/// <summary>One entry of the file's key-value metadata.</summary>
internal sealed record KeyValue(string Key, string? Value)
{
    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteString(1, Key);
        if (Value is not null)
        {
            w.WriteString(2, Value);
        }
        w.EndStruct();
    }

    public static KeyValue Read(CompactReader r)
    {
        string? key = null, value = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: key = r.String(type, "KeyValue.key"); return true;
                case 2: value = r.String(type, "KeyValue.value"); return true;
                default: return false;
            }
        });
        return new KeyValue(Required.Field(key, "KeyValue", "key"), value);
    }
}
