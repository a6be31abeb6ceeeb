namespace Touchstone.Parquet.Records;

/// <summary>How a .NET property or parameter type maps onto a Parquet column type.</summary>
/// <param name="Type">The declared type.</param>
/// <param name="Underlying">The type without <see cref="Nullable{T}"/>.</param>
/// <param name="IsNullable">Whether null is allowed (Nullable&lt;T&gt;, or a reference annotated nullable).</param>
/// <param name="ParquetType">The column type it is written as.</param>
internal sealed record ClrMapping(Type Type, Type Underlying, bool IsNullable, ParquetType ParquetType)
{
    public const string Supported =
        "int, long, float, double, bool, string, enums, DateTime and DateTimeOffset, and Nullable<T> of the value types";

    /// <summary>The .NET type of the column's values (long for timestamps, string for enums).</summary>
    public Type Stored => ParquetType switch
    {
        ParquetType.Boolean => typeof(bool),
        ParquetType.Int32 => typeof(int),
        ParquetType.Int64 or ParquetType.Timestamp => typeof(long),
        ParquetType.Float => typeof(float),
        ParquetType.Double => typeof(double),
        _ => typeof(string),
    };

    public static ClrMapping Of(Type type, bool referenceIsNullable, string member)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var isNullable = underlying is not null || (!type.IsValueType && referenceIsNullable);
        underlying ??= type;
        ParquetType? parquetType =
            underlying == typeof(bool) ? ParquetType.Boolean :
            underlying == typeof(int) ? ParquetType.Int32 :
            underlying == typeof(long) ? ParquetType.Int64 :
            underlying == typeof(float) ? ParquetType.Float :
            underlying == typeof(double) ? ParquetType.Double :
            underlying == typeof(string) || underlying.IsEnum ? ParquetType.String :
            underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) ? ParquetType.Timestamp :
            null;
        if (parquetType is null)
        {
            throw new NotSupportedException(
                $"{member} has type {type.Name}, which ParquetRecords cannot map to a column; supported: {Supported}");
        }
        return new ClrMapping(type, underlying, isNullable, parquetType.Value);
    }

    /// <summary>Whether a column of <paramref name="field"/>'s type can be read into this type (exact, or widening).</summary>
    public bool CanRead(ParquetField field) =>
        field.Type == ParquetType ||
        (field.Type == ParquetType.Int32 && ParquetType == ParquetType.Int64) ||
        (field.Type == ParquetType.Float && ParquetType == ParquetType.Double);
}
