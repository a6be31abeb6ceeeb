using Touchstone.Parquet.Format;

namespace Touchstone.Parquet;

/// <summary>Translates between <see cref="ParquetField"/> and the footer's SchemaElement, both ways.</summary>
internal static class SchemaMapping
{
    public static PhysicalType PhysicalTypeOf(ParquetType type) => type switch
    {
        ParquetType.Boolean => PhysicalType.Boolean,
        ParquetType.Int32 => PhysicalType.Int32,
        ParquetType.Int64 or ParquetType.Timestamp => PhysicalType.Int64,
        ParquetType.Float => PhysicalType.Float,
        ParquetType.Double => PhysicalType.Double,
        ParquetType.String => PhysicalType.ByteArray,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static SchemaElement ToElement(ParquetField field)
    {
        var element = new SchemaElement
        {
            Name = field.Name,
            Type = PhysicalTypeOf(field.Type),
            RepetitionType = field.IsNullable ? Repetition.Optional : Repetition.Required,
        };
        if (field.Type == ParquetType.String)
        {
            element.LogicalType = LogicalType.String;
            element.ConvertedType = ConvertedType.Utf8;
        }
        else if (field.Type == ParquetType.Timestamp)
        {
            var unit = field.TimestampUnit switch
            {
                ParquetTimestampUnit.Milliseconds => TimeUnit.Millis,
                ParquetTimestampUnit.Microseconds => TimeUnit.Micros,
                _ => TimeUnit.Nanos,
            };
            element.LogicalType = LogicalType.Timestamp(unit, field.IsAdjustedToUtc);
            // The legacy annotation exists only for UTC-adjusted millis and micros (see LogicalTypes.md).
            element.ConvertedType = (field.IsAdjustedToUtc, unit) switch
            {
                (true, TimeUnit.Millis) => ConvertedType.TimestampMillis,
                (true, TimeUnit.Micros) => ConvertedType.TimestampMicros,
                _ => null,
            };
        }
        return element;
    }

    /// <summary>The field a leaf element describes, or a <see cref="ParquetFormatException"/> naming what is unsupported.</summary>
    public static ParquetField FromElement(SchemaElement e)
    {
        var nullable = e.RepetitionType switch
        {
            Repetition.Required => false,
            Repetition.Optional => true,
            Repetition.Repeated => throw Unsupported(e, "repeated fields (lists) are not supported; only flat schemas are"),
            null => throw Unsupported(e, "the column has no repetition type"),
            _ => throw Unsupported(e, $"repetition type {(int)e.RepetitionType} is not supported"),
        };
        var logical = e.LogicalType?.Kind ?? LogicalKind.None;
        var type = e.Type switch
        {
            PhysicalType.Boolean when logical == LogicalKind.None => ParquetType.Boolean,
            PhysicalType.Int32 when IsPlainInteger(e, 32) => ParquetType.Int32,
            PhysicalType.Int64 when IsTimestamp(e) => ParquetType.Timestamp,
            PhysicalType.Int64 when IsPlainInteger(e, 64) => ParquetType.Int64,
            PhysicalType.Float when logical == LogicalKind.None => ParquetType.Float,
            PhysicalType.Double when logical == LogicalKind.None => ParquetType.Double,
            PhysicalType.ByteArray when IsString(e) => ParquetType.String,
            PhysicalType.ByteArray => throw Unsupported(e, "binary (BYTE_ARRAY) columns without the STRING annotation are not supported"),
            null => throw Unsupported(e, "nested groups (structs) are not supported; only flat schemas are"),
            _ => throw Unsupported(e, $"type {Describe(e)} is not supported (supported: BOOLEAN, INT32, INT64, FLOAT, DOUBLE, UTF-8 strings, timestamps)"),
        };
        var field = new ParquetField(e.Name, type, nullable);
        if (type == ParquetType.Timestamp)
        {
            var (unit, adjusted) = TimestampOf(e);
            field = field with { TimestampUnit = unit, IsAdjustedToUtc = adjusted };
        }
        return field;
    }

    private static bool IsPlainInteger(SchemaElement e, int width)
    {
        if (e.LogicalType is { } logical)
        {
            // Narrower signed integers (TINYINT, SMALLINT) widen losslessly; unsigned ones would change meaning.
            return logical.Kind == LogicalKind.Integer && logical.IsSigned && logical.BitWidth <= width;
        }
        return e.ConvertedType switch
        {
            null => true,
            ConvertedType.Int8 or ConvertedType.Int16 or ConvertedType.Int32 => true,
            ConvertedType.Int64 => width == 64,
            _ => false,
        };
    }

    private static bool IsTimestamp(SchemaElement e) =>
        e.LogicalType?.Kind == LogicalKind.Timestamp ||
        (e.LogicalType is null && e.ConvertedType is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros);

    private static bool IsString(SchemaElement e) =>
        e.LogicalType is { } logical
            ? logical.Kind is LogicalKind.String or LogicalKind.Enum or LogicalKind.Json
            : e.ConvertedType is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json;

    private static (ParquetTimestampUnit Unit, bool Adjusted) TimestampOf(SchemaElement e)
    {
        if (e.LogicalType is { Kind: LogicalKind.Timestamp } logical)
        {
            var unit = logical.Unit switch
            {
                TimeUnit.Millis => ParquetTimestampUnit.Milliseconds,
                TimeUnit.Micros => ParquetTimestampUnit.Microseconds,
                _ => ParquetTimestampUnit.Nanoseconds,
            };
            return (unit, logical.IsAdjustedToUtc);
        }
        // Legacy TIMESTAMP_* annotations mean UTC-adjusted instants.
        return (e.ConvertedType == ConvertedType.TimestampMillis ? ParquetTimestampUnit.Milliseconds : ParquetTimestampUnit.Microseconds, true);
    }

    private static string Describe(SchemaElement e)
    {
        var physical = e.Type is { } t && Enum.IsDefined(t) ? t.ToString().ToUpperInvariant() : $"#{(int?)e.Type}";
        if (e.LogicalType is { Kind: not LogicalKind.None } logical)
        {
            return $"{physical} with logical type {logical.Kind.ToString().ToUpperInvariant()}";
        }
        return e.ConvertedType is { } converted ? $"{physical} with converted type {converted.ToString().ToUpperInvariant()}" : physical;
    }

    private static ParquetFormatException Unsupported(SchemaElement e, string message) =>
        new ParquetFormatException(message).WithContext(column: e.Name);
}
