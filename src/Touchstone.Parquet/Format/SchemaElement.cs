using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>One node of the schema tree (parquet.thrift SchemaElement); the tree is flattened depth first.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? RepetitionType { get; set; }

    public string Name { get; set; } = "";

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public int? FieldId { get; set; }

    public LogicalType? LogicalType { get; set; }

    public void Write(CompactWriter w)
    {
        w.BeginStruct();
        w.WriteOptionalI32(1, (int?)Type);
        w.WriteOptionalI32(2, TypeLength);
        w.WriteOptionalI32(3, (int?)RepetitionType);
        w.WriteString(4, Name);
        w.WriteOptionalI32(5, NumChildren);
        w.WriteOptionalI32(6, (int?)ConvertedType);
        LogicalType?.Write(w, 10);
        w.EndStruct();
    }

    public static SchemaElement Read(CompactReader r)
    {
        var e = new SchemaElement();
        string? name = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: e.Type = (PhysicalType)r.I32(type, "SchemaElement.type"); return true;
                case 2: e.TypeLength = r.I32(type, "SchemaElement.type_length"); return true;
                case 3: e.RepetitionType = (Repetition)r.I32(type, "SchemaElement.repetition_type"); return true;
                case 4: name = r.String(type, "SchemaElement.name"); return true;
                case 5: e.NumChildren = r.I32(type, "SchemaElement.num_children"); return true;
                case 6: e.ConvertedType = (ConvertedType)r.I32(type, "SchemaElement.converted_type"); return true;
                case 7: e.Scale = r.I32(type, "SchemaElement.scale"); return true;
                case 8: e.Precision = r.I32(type, "SchemaElement.precision"); return true;
                case 9: e.FieldId = r.I32(type, "SchemaElement.field_id"); return true;
                case 10: e.LogicalType = r.Struct(type, "SchemaElement.logicalType", LogicalType.Read); return true;
                default: return false;
            }
        });
        e.Name = Required.Field(name, "SchemaElement", "name");
        return e;
    }
}
