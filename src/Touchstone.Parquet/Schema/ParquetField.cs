namespace Touchstone.Parquet;

/// <summary>One column of a flat schema.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
/// <param name="IsNullable">Whether the column may hold nulls (OPTIONAL, with definition levels) or not (REQUIRED).</param>
public sealed record ParquetField(string Name, ParquetType Type, bool IsNullable = false)
{
    /// <summary>The unit of a timestamp column; ignored for other types.</summary>
    public ParquetTimestampUnit TimestampUnit { get; init; } = ParquetTimestampUnit.Microseconds;

    /// <summary>
    /// For timestamp columns: true when values are instants (UTC-normalised, "TIMESTAMP WITH TIME ZONE" in SQL
    /// engines), false when they are wall-clock times without a zone. Ignored for other types.
    /// </summary>
    public bool IsAdjustedToUtc { get; init; } = true;

    /// <summary>The .NET type of the values of a column of this type.</summary>
    public Type ClrType => Type switch
    {
        ParquetType.Boolean => typeof(bool),
        ParquetType.Int32 => typeof(int),
        ParquetType.Int64 or ParquetType.Timestamp => typeof(long),
        ParquetType.Float => typeof(float),
        ParquetType.Double => typeof(double),
        ParquetType.String => typeof(string),
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown Parquet type"),
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var type = Type == ParquetType.Timestamp
            ? $"Timestamp({TimestampUnit}{(IsAdjustedToUtc ? ", UTC" : "")})"
            : Type.ToString();
        return $"{Name}: {type}{(IsNullable ? "?" : "")}";
    }
}
