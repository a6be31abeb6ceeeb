namespace Touchstone.Parquet;

/// <summary>
/// The values of one column for a run of rows (one row group), in memory. See <see cref="ParquetColumn{T}"/> for
/// the layout.
/// </summary>
public abstract class ParquetColumn
{
    private protected ParquetColumn(ParquetField field, int count)
    {
        Field = field;
        Count = count;
    }

    /// <summary>The column's name and type.</summary>
    public ParquetField Field { get; }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>Whether row <paramref name="row"/> is null.</summary>
    public abstract bool IsNull(int row);

    /// <summary>The value of row <paramref name="row"/>, boxed, or null. For inspection; typed code reads <see cref="ParquetColumn{T}.Values"/>.</summary>
    public abstract object? GetValue(int row);

    /// <summary>The number of null rows.</summary>
    public int NullCount
    {
        get
        {
            var nulls = 0;
            for (var i = 0; i < Count; i++)
            {
                nulls += IsNull(i) ? 1 : 0;
            }
            return nulls;
        }
    }
}

/// <summary>
/// The values of one column: <see cref="Values"/> holds one entry per row (the first <see cref="ParquetColumn.Count"/>
/// entries are used). Nulls of a string column are null references; nulls of other columns are marked by
/// <see cref="Defined"/> (false = null, the value entry is then ignored), which is null when every row has a value.
/// Timestamps are <see cref="long"/> counts of the field's unit since the Unix epoch.
/// </summary>
/// <typeparam name="T">bool, int, long, float, double or string, matching <see cref="ParquetField.ClrType"/>.</typeparam>
public sealed class ParquetColumn<T> : ParquetColumn
{
    /// <summary>Wraps arrays as a column without copying them.</summary>
    /// <param name="field">The column's name and type; <typeparamref name="T"/> must be its <see cref="ParquetField.ClrType"/>.</param>
    /// <param name="values">One value per row; may be longer than <paramref name="count"/>.</param>
    /// <param name="defined">For nullable non-string columns: false marks a null row. Null when no row is null.</param>
    /// <param name="count">The number of rows; defaults to the length of <paramref name="values"/>.</param>
    public ParquetColumn(ParquetField field, T[] values, bool[]? defined = null, int? count = null)
        : base(field ?? throw new ArgumentNullException(nameof(field)), count ?? values?.Length ?? 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (typeof(T) != field.ClrType)
        {
            throw new ArgumentException(
                $"column '{field.Name}' of type {field.Type} holds {field.ClrType.Name} values, not {typeof(T).Name}");
        }
        if (Count < 0 || Count > values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"column '{field.Name}': count {Count} exceeds the {values.Length} values");
        }
        if (defined is not null)
        {
            if (field.Type == ParquetType.String)
            {
                throw new ArgumentException($"column '{field.Name}': string columns mark nulls with null references, not a Defined mask");
            }
            if (!field.IsNullable)
            {
                throw new ArgumentException($"column '{field.Name}' is not nullable, so it takes no Defined mask");
            }
            if (defined.Length < Count)
            {
                throw new ArgumentException($"column '{field.Name}': the Defined mask has {defined.Length} entries for {Count} rows");
            }
        }
        Values = values;
        Defined = defined;
    }

    /// <summary>One value per row (see the class remarks for nulls).</summary>
    public T[] Values { get; }

    /// <summary>False marks a null row of a non-string column; null when every row has a value.</summary>
    public bool[]? Defined { get; }

    /// <inheritdoc />
    public override bool IsNull(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row));
        }
        return Defined is { } defined ? !defined[row] : Values[row] is null;
    }

    /// <inheritdoc />
    public override object? GetValue(int row) => IsNull(row) ? null : Values[row];
}
