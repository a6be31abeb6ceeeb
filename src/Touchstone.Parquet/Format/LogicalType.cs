using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Format;

/// <summary>The LogicalType union, reduced to what a flat schema needs; other members are recognised by kind only.</summary>
internal sealed record LogicalType(LogicalKind Kind)
{
    public bool IsAdjustedToUtc { get; init; }

    public TimeUnit Unit { get; init; }

    public int BitWidth { get; init; }

    public bool IsSigned { get; init; }

    public static LogicalType String { get; } = new(LogicalKind.String);

    public static LogicalType Timestamp(TimeUnit unit, bool isAdjustedToUtc) =>
        new(LogicalKind.Timestamp) { Unit = unit, IsAdjustedToUtc = isAdjustedToUtc };

    public void Write(CompactWriter w, short fieldId)
    {
        w.BeginStructField(fieldId);
        switch (Kind)
        {
            case LogicalKind.String:
                w.WriteEmptyStructField((short)LogicalKind.String);
                break;
            case LogicalKind.Timestamp:
                w.BeginStructField((short)LogicalKind.Timestamp);
                w.WriteBool(1, IsAdjustedToUtc);
                w.BeginStructField(2);
                w.WriteEmptyStructField((short)Unit);
                w.EndStruct();
                w.EndStruct();
                break;
            default:
                throw new InvalidOperationException($"writing logical type {Kind} is not implemented");
        }
        w.EndStruct();
    }

    public static LogicalType Read(CompactReader r)
    {
        var result = new LogicalType(LogicalKind.None);
        r.ReadStruct((id, type) =>
        {
            if (type != CompactType.Struct)
            {
                return false;
            }
            result = (LogicalKind)id switch
            {
                LogicalKind.Timestamp or LogicalKind.Time => ReadTimeLike((LogicalKind)id, r),
                LogicalKind.Integer => ReadInteger(r),
                _ => SkipMarker((LogicalKind)id, r),
            };
            return true;
        });
        return result;
    }

    private static LogicalType SkipMarker(LogicalKind kind, CompactReader r)
    {
        r.Skip(CompactType.Struct);
        return new LogicalType(Enum.IsDefined(kind) ? kind : LogicalKind.None);
    }

    private static LogicalType ReadTimeLike(LogicalKind kind, CompactReader r)
    {
        bool? adjusted = null;
        TimeUnit? unit = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1: adjusted = r.Bool(type, "TimestampType.isAdjustedToUTC"); return true;
                case 2: unit = r.Struct(type, "TimestampType.unit", ReadTimeUnit); return true;
                default: return false;
            }
        });
        return new LogicalType(kind)
        {
            IsAdjustedToUtc = Required.Field(adjusted, "TimestampType", "isAdjustedToUTC"),
            Unit = Required.Field(unit, "TimestampType", "unit"),
        };
    }

    private static TimeUnit ReadTimeUnit(CompactReader r)
    {
        TimeUnit? unit = null;
        r.ReadStruct((id, type) =>
        {
            if (type == CompactType.Struct && id is >= 1 and <= 3)
            {
                unit = (TimeUnit)id;
            }
            return false;
        });
        return Required.Field(unit, "TimeUnit", "MILLIS|MICROS|NANOS");
    }

    private static LogicalType ReadInteger(CompactReader r)
    {
        int? bitWidth = null;
        bool? signed = null;
        r.ReadStruct((id, type) =>
        {
            switch (id)
            {
                case 1:
                    r.Expect(type, CompactType.Byte, "IntType.bitWidth");
                    bitWidth = r.ReadI8();
                    return true;
                case 2: signed = r.Bool(type, "IntType.isSigned"); return true;
                default: return false;
            }
        });
        return new LogicalType(LogicalKind.Integer)
        {
            BitWidth = Required.Field(bitWidth, "IntType", "bitWidth"),
            IsSigned = Required.Field(signed, "IntType", "isSigned"),
        };
    }
}
