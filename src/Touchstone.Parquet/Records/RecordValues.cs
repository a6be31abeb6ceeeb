namespace Touchstone.Parquet.Records;

/// <summary>Per-row accessors that compiled record readers call; they carry the null checks and their messages.</summary>
internal static class RecordValues
{
    public static TValue Required<TValue>(TValue[] values, bool[]? defined, int index, string column, string member, int rowBase)
        where TValue : struct =>
        defined is null || defined[index] ? values[index] : throw NullInto(column, member, rowBase + index);

    public static TValue? Optional<TValue>(TValue[] values, bool[]? defined, int index)
        where TValue : struct =>
        defined is null || defined[index] ? values[index] : null;

    public static string RequiredString(string?[] values, int index, string column, string member, int rowBase) =>
        values[index] ?? throw NullInto(column, member, rowBase + index);

    private static ParquetFormatException NullInto(string column, string member, long row) =>
        new ParquetFormatException($"row {row} is null, but {member} is not nullable; declare it nullable to read this file")
            .WithContext(column: column);
}
