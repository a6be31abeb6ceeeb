using System.Linq.Expressions;

namespace Touchstone.Parquet.Records;

/// <summary>
/// Turns buffered records into columns. One compiled loop reads every property of a record before moving to the
/// next (one pass over the objects, not one per column) into arrays reused from row group to row group.
/// </summary>
internal sealed class RecordBatch<T>
{
    private readonly RecordProperty[] _properties;
    private readonly ParquetField[] _fields;
    private readonly RecordFill<T> _fill;
    private readonly Array[] _values;
    private readonly bool[]?[] _defined;
    private readonly int[] _progress = new int[1];

    public RecordBatch(RecordProperty[] properties, ParquetTimestampUnit unit, RecordFill<T> fill)
    {
        _properties = properties;
        _fields = properties.Select(p => p.Field(unit)).ToArray();
        _fill = fill;
        _values = properties.Select(p => Array.CreateInstance(p.Mapping.Stored, 0)).ToArray();
        _defined = new bool[]?[properties.Length];
    }

    /// <summary>The columns of <c>rows[0..count)</c>; <paramref name="rowBase"/> numbers the rows in messages.</summary>
    public ParquetColumn[] Fill(T[] rows, int count, long rowBase)
    {
        for (var c = 0; c < _values.Length; c++)
        {
            if (_values[c].Length < count)
            {
                _values[c] = Array.CreateInstance(_properties[c].Mapping.Stored, count);
                _defined[c] = _properties[c].Mapping is { IsNullable: true, Stored.IsValueType: true } ? new bool[count] : null;
            }
        }
        try
        {
            _fill(rows, count, _values, _defined, _progress);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"row {rowBase + _progress[0]}, {e.Message}", e);
        }
        var columns = new ParquetColumn[_values.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Column(_fields[c], _values[c], _defined[c], count);
        }
        return columns;
    }

    private static ParquetColumn Column(ParquetField field, Array values, bool[]? defined, int count) => values switch
    {
        bool[] v => new ParquetColumn<bool>(field, v, defined, count),
        int[] v => new ParquetColumn<int>(field, v, defined, count),
        long[] v => new ParquetColumn<long>(field, v, defined, count),
        float[] v => new ParquetColumn<float>(field, v, defined, count),
        double[] v => new ParquetColumn<double>(field, v, defined, count),
        string[] v => new ParquetColumn<string>(field, v, null, count),
        _ => throw new InvalidOperationException($"no column for {values.GetType()}"),
    };

    /// <summary>
    /// Compiles the loop <c>for i: row = rows[i]; values0[i] = stored(row.P0); …</c>, with nullable value types split
    /// into value and defined flag, conversions inlined, and <c>progress[0] = i</c> so a failing row can be named.
    /// </summary>
    public static RecordFill<T> Compile(RecordProperty[] properties, ParquetTimestampUnit unit)
    {
        var rows = Expression.Parameter(typeof(T[]), "rows");
        var count = Expression.Parameter(typeof(int), "count");
        var valuesParameter = Expression.Parameter(typeof(Array[]), "values");
        var definedParameter = Expression.Parameter(typeof(bool[][]), "defined");
        var progress = Expression.Parameter(typeof(int[]), "progress");
        var i = Expression.Variable(typeof(int), "i");
        var row = Expression.Variable(typeof(T), "row");
        var variables = new List<ParameterExpression> { i, row };
        var setup = new List<Expression>();
        var perRow = new List<Expression>
        {
            Expression.Assign(row, Expression.ArrayIndex(rows, i)),
            Expression.Assign(Expression.ArrayAccess(progress, Expression.Constant(0)), i),
        };
        for (var c = 0; c < properties.Length; c++)
        {
            var mapping = properties[c].Mapping;
            var values = Expression.Variable(mapping.Stored.MakeArrayType(), $"values{c}");
            variables.Add(values);
            setup.Add(Expression.Assign(values, Expression.Convert(Expression.ArrayIndex(valuesParameter, Expression.Constant(c)), values.Type)));
            var value = StoredValue(properties[c], Expression.Property(row, properties[c].Property), unit);
            if (mapping is { IsNullable: true, Stored.IsValueType: true })
            {
                var defined = Expression.Variable(typeof(bool[]), $"defined{c}");
                var nullable = Expression.Variable(value.Type, $"nullable{c}");
                variables.Add(defined);
                variables.Add(nullable);
                setup.Add(Expression.Assign(defined, Expression.ArrayIndex(definedParameter, Expression.Constant(c))));
                perRow.Add(Expression.Assign(nullable, value));
                perRow.Add(Expression.Assign(Expression.ArrayAccess(defined, i), Expression.Property(nullable, "HasValue")));
                perRow.Add(Expression.Assign(Expression.ArrayAccess(values, i), Expression.Call(nullable, "GetValueOrDefault", Type.EmptyTypes)));
            }
            else
            {
                perRow.Add(Expression.Assign(Expression.ArrayAccess(values, i), value));
            }
        }
        var end = Expression.Label("end");
        var loop = Expression.Loop(
            Expression.IfThenElse(
                Expression.LessThan(i, count),
                Expression.Block([.. perRow, Expression.PostIncrementAssign(i)]),
                Expression.Break(end)),
            end);
        var body = Expression.Block(variables, [.. setup, Expression.Assign(i, Expression.Constant(0)), loop]);
        return Expression.Lambda<RecordFill<T>>(body, rows, count, valuesParameter, definedParameter, progress).Compile();
    }

    /// <summary>The property's value as the column stores it: enums as names, times as epoch counts, strings checked.</summary>
    private static Expression StoredValue(RecordProperty property, Expression value, ParquetTimestampUnit unit)
    {
        var mapping = property.Mapping;
        var column = Expression.Constant(property.Column);
        var u = mapping.Underlying;
        if (u.IsEnum)
        {
            var names = typeof(EnumNames<>).MakeGenericType(u);
            return Expression.Call(names.GetMethod(mapping.IsNullable ? "ToNullableName" : "ToName")!, value, column);
        }
        if (u == typeof(DateTime) || u == typeof(DateTimeOffset))
        {
            var method = (mapping.IsNullable ? "FromNullable" : "From") + u.Name;
            return Expression.Call(typeof(Timestamps).GetMethod(method)!, value, Expression.Constant(unit), column);
        }
        if (u == typeof(string) && !mapping.IsNullable)
        {
            return Expression.Call(typeof(RecordValues).GetMethod(nameof(RecordValues.NotNull))!, value, column);
        }
        return value;
    }
}

/// <summary>The compiled loop of <see cref="RecordBatch{T}"/>.</summary>
internal delegate void RecordFill<in T>(T[] rows, int count, Array[] values, bool[]?[] defined, int[] progress);
