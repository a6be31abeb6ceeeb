using System.Buffers.Binary;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Reading;

/// <summary>Turns footer statistics into <see cref="ParquetStatistics"/>, keeping only bounds the spec lets a reader trust.</summary>
internal static class StatisticsDecoder
{
    public static ParquetStatistics? Decode(Statistics? stats, ParquetField? field, bool typeDefinedOrder)
    {
        if (stats is null)
        {
            return null;
        }
        object? min = null, max = null;
        if (field is not null)
        {
            if (typeDefinedOrder && stats.MinValue is not null && stats.MaxValue is not null)
            {
                min = Value(stats.MinValue, field.Type);
                max = Value(stats.MaxValue, field.Type);
            }
            else if (field.Type != ParquetType.String && stats.Min is not null && stats.Max is not null)
            {
                // The deprecated fields use signed order, which is the order of every non-string type here.
                min = Value(stats.Min, field.Type);
                max = Value(stats.Max, field.Type);
            }
            if (IsNaN(min) || IsNaN(max))
            {
                min = max = null;
            }
        }
        return new ParquetStatistics(
            stats.NullCount, stats.DistinctCount, stats.NanCount, min, max,
            stats.IsMinValueExact ?? true, stats.IsMaxValueExact ?? true);
    }

    private static bool IsNaN(object? value) => value is double d ? double.IsNaN(d) : value is float f && float.IsNaN(f);

    private static object? Value(byte[] bytes, ParquetType type) => (type, bytes.Length) switch
    {
        (ParquetType.Boolean, 1) => bytes[0] != 0,
        (ParquetType.Int32, 4) => BinaryPrimitives.ReadInt32LittleEndian(bytes),
        (ParquetType.Int64 or ParquetType.Timestamp, 8) => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        (ParquetType.Float, 4) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        (ParquetType.Double, 8) => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        (ParquetType.String, _) => TryUtf8(bytes),
        _ => null,
    };

    private static string? TryUtf8(byte[] bytes)
    {
        try
        {
            return Utf8.Strict.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
