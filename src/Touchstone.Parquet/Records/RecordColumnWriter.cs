namespace Touchstone.Parquet.Records;

/// <summary>
/// Extracts one column from buffered records through a compiled getter, into arrays reused from row group to row
/// group. Conversion errors (a Local DateTime, an unnamed enum value) are reported with the column and row.
/// </summary>
internal abstract class RecordColumnWriter<T>(ParquetField field)
{
    public ParquetField Field { get; } = field;

    /// <summary>The column for <c>rows[0..count)</c>; <paramref name="rowBase"/> is the first row's index in the file, for messages.</summary>
    public ParquetColumn Fill(T[] rows, int count, long rowBase)
    {
        var row = 0;
        try
        {
            return Fill(rows, count, ref row);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"column '{Field.Name}', row {rowBase + row}: {e.Message}", e);
        }
    }

    protected abstract ParquetColumn Fill(T[] rows, int count, ref int row);

    protected static TValue[] Grow<TValue>(ref TValue[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new TValue[count];
        }
        return buffer;
    }
}

internal sealed class ValueColumnWriter<T, TValue>(ParquetField field, Func<T, TValue> get) : RecordColumnWriter<T>(field)
    where TValue : struct
{
    private TValue[] _values = [];

    protected override ParquetColumn Fill(T[] rows, int count, ref int row)
    {
        var values = Grow(ref _values, count);
        for (row = 0; row < count; row++)
        {
            values[row] = get(rows[row]);
        }
        return new ParquetColumn<TValue>(Field, values, null, count);
    }
}

internal sealed class NullableValueColumnWriter<T, TValue>(ParquetField field, Func<T, TValue?> get) : RecordColumnWriter<T>(field)
    where TValue : struct
{
    private TValue[] _values = [];
    private bool[] _defined = [];

    protected override ParquetColumn Fill(T[] rows, int count, ref int row)
    {
        var values = Grow(ref _values, count);
        var defined = Grow(ref _defined, count);
        for (row = 0; row < count; row++)
        {
            var value = get(rows[row]);
            defined[row] = value.HasValue;
            values[row] = value.GetValueOrDefault();
        }
        return new ParquetColumn<TValue>(Field, values, defined, count);
    }
}

internal sealed class StringColumnWriter<T>(ParquetField field, Func<T, string?> get) : RecordColumnWriter<T>(field)
{
    private string?[] _values = [];

    protected override ParquetColumn Fill(T[] rows, int count, ref int row)
    {
        var values = Grow(ref _values, count);
        for (row = 0; row < count; row++)
        {
            values[row] = get(rows[row]) ?? (Field.IsNullable
                ? null
                : throw new ArgumentException("the value is null but the property is not nullable; declare it string? or fill it"));
        }
        return new ParquetColumn<string>(Field, values!, null, count);
    }
}
