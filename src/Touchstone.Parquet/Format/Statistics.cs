using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>Column chunk statistics (parquet.thrift Statistics). Values are PLAIN-encoded, byte arrays without length.</summary>
internal sealed class Statistics
{
    /// <summary>Deprecated signed-order maximum; written only where signed order is the column's order.</summary>
    public byte[]? Max { get; set; }

    /// <summary>Deprecated signed-order minimum.</summary>
    public byte[]? Min { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    public bool? IsMaxValueExact { get; set; }

    public bool? IsMinValueExact { get; set; }

    public long? NanCount { get; set; }

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        w.WriteOptionalBinary(1, Max);
        w.WriteOptionalBinary(2, Min);
        w.WriteOptionalI64(3, NullCount);
        w.WriteOptionalI64(4, DistinctCount);
        w.WriteOptionalBinary(5, MaxValue);
        w.WriteOptionalBinary(6, MinValue);
        w.WriteOptionalBool(7, IsMaxValueExact);
        w.WriteOptionalBool(8, IsMinValueExact);
        w.WriteOptionalI64(9, NanCount);
        w.EndStruct();
    }

    public static Statistics Read(CompactReader r)
    {
        var s = new Statistics();
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: s.Max = r.Binary(type, "Statistics.max"); return true;
                case 2: s.Min = r.Binary(type, "Statistics.min"); return true;
                case 3: s.NullCount = r.I64(type, "Statistics.null_count"); return true;
                case 4: s.DistinctCount = r.I64(type, "Statistics.distinct_count"); return true;
                case 5: s.MaxValue = r.Binary(type, "Statistics.max_value"); return true;
                case 6: s.MinValue = r.Binary(type, "Statistics.min_value"); return true;
                case 7: s.IsMaxValueExact = r.Bool(type, "Statistics.is_max_value_exact"); return true;
                case 8: s.IsMinValueExact = r.Bool(type, "Statistics.is_min_value_exact"); return true;
                case 9: s.NanCount = r.I64(type, "Statistics.nan_count"); return true;
                default: return false;
            }
        });
        return s;
    }
}
