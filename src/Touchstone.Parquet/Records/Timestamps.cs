namespace Touchstone.Parquet.Records;

/// <summary>
/// <see cref="DateTime"/> and <see cref="DateTimeOffset"/> to and from counts of a unit since the Unix epoch.
/// Precision finer than the unit is dropped (rounded down). DateTime values of kind Local are rejected rather than
/// converted, so a time zone never shifts a stored instant silently; Unspecified is taken as UTC.
/// </summary>
internal static class Timestamps
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    public static long FromDateTime(DateTime value, ParquetTimestampUnit unit)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException(
                $"DateTime {value:O} has Kind=Local; Parquet timestamps here are UTC, so pass value.ToUniversalTime() (or a Kind=Utc value)");
        }
        return FromTicks(value.Ticks - EpochTicks, unit);
    }

    public static long? FromNullableDateTime(DateTime? value, ParquetTimestampUnit unit) =>
        value is { } v ? FromDateTime(v, unit) : null;

    public static long FromDateTimeOffset(DateTimeOffset value, ParquetTimestampUnit unit) =>
        FromTicks(value.UtcTicks - EpochTicks, unit);

    public static long? FromNullableDateTimeOffset(DateTimeOffset? value, ParquetTimestampUnit unit) =>
        value is { } v ? FromDateTimeOffset(v, unit) : null;

    public static DateTime ToDateTime(long value, ParquetTimestampUnit unit, bool isAdjustedToUtc, string column, long row) =>
        new(ToTicks(value, unit, column, row), isAdjustedToUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified);

    public static DateTime? ToNullableDateTime(long? value, ParquetTimestampUnit unit, bool isAdjustedToUtc, string column, long row) =>
        value is { } v ? ToDateTime(v, unit, isAdjustedToUtc, column, row) : null;

    public static DateTimeOffset ToDateTimeOffset(long value, ParquetTimestampUnit unit, bool isAdjustedToUtc, string column, long row) =>
        new(ToTicks(value, unit, column, row), TimeSpan.Zero);

    public static DateTimeOffset? ToNullableDateTimeOffset(long? value, ParquetTimestampUnit unit, bool isAdjustedToUtc, string column, long row) =>
        value is { } v ? ToDateTimeOffset(v, unit, isAdjustedToUtc, column, row) : null;

    private static long FromTicks(long ticksSinceEpoch, ParquetTimestampUnit unit) => unit switch
    {
        ParquetTimestampUnit.Milliseconds => FloorDivide(ticksSinceEpoch, TimeSpan.TicksPerMillisecond),
        ParquetTimestampUnit.Microseconds => FloorDivide(ticksSinceEpoch, TimeSpan.TicksPerMicrosecond),
        _ => ticksSinceEpoch is > long.MaxValue / 100 or < long.MinValue / 100
            ? throw new ArgumentException("the time is outside the range of nanosecond timestamps (years 1677 to 2262)")
            : ticksSinceEpoch * 100,
    };

    private static long FloorDivide(long value, long divisor)
    {
        var (quotient, remainder) = Math.DivRem(value, divisor);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static long ToTicks(long value, ParquetTimestampUnit unit, string column, long row)
    {
        var ticks = unit switch
        {
            ParquetTimestampUnit.Milliseconds => (Int128)value * TimeSpan.TicksPerMillisecond,
            ParquetTimestampUnit.Microseconds => (Int128)value * TimeSpan.TicksPerMicrosecond,
            _ => (Int128)FloorDivide(value, 100),
        } + EpochTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new ParquetFormatException($"row {row} holds timestamp {value} ({unit}), outside the range of DateTime")
                .WithContext(column: column);
        }
        return (long)ticks;
    }
}
