using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Touchstone.Parquet.Records;

/// <summary>
/// Reads records by calling their constructor: each parameter binds to the column of the same snake_case name
/// (only those columns are read). The per-row-group loop that builds the records is compiled once per record type
/// and file layout, so reading does no reflection per row.
/// </summary>
internal static class RecordReader<T>
{
    private delegate void Filler(ParquetColumn?[] columns, T[] output, int offset, int count);

    private static readonly Lazy<(ConstructorInfo Constructor, ParameterBinding[] Parameters)> ConstructorLazy = new(FindConstructor);
    private static readonly ConcurrentDictionary<string, Filler> Fillers = new();

    public static T[] Read(ParquetFileReader reader)
    {
        var (constructor, parameters) = ConstructorLazy.Value;
        var fields = parameters.Select(p => Bind(p, reader)).ToArray();
        var key = string.Join("|", fields.Select(f => f?.ToString() ?? "-"));
        var fill = Fillers.GetOrAdd(key, _ => Compile(constructor, parameters, fields));
        if (reader.RowCount > Array.MaxLength)
        {
            throw new ParquetFormatException($"the file has {reader.RowCount} rows, more than one array can hold");
        }
        var output = new T[reader.RowCount];
        var offset = 0;
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var columns = new ParquetColumn?[parameters.Length];
            for (var p = 0; p < parameters.Length; p++)
            {
                columns[p] = fields[p] is null ? null : reader.ReadColumn(g, parameters[p].Column);
            }
            var rows = (int)reader.RowGroups[g].RowCount;
            fill(columns, output, offset, rows);
            offset += rows;
        }
        return output;
    }

    /// <summary>The file's field for a parameter, null when it is absent and the parameter has a default.</summary>
    private static ParquetField? Bind(ParameterBinding parameter, ParquetFileReader reader)
    {
        var index = reader.Schema.IndexOf(parameter.Column);
        if (index < 0)
        {
            if (reader.UnsupportedColumns.TryGetValue(parameter.Column, out var reason))
            {
                throw new ParquetFormatException($"{reason} (needed by {parameter.Member})").WithContext(column: parameter.Column);
            }
            if (parameter.Parameter.HasDefaultValue)
            {
                return null;
            }
            throw new ParquetFormatException(
                    $"the file has no column '{parameter.Column}', which {parameter.Member} needs; it has: {string.Join(", ", reader.Schema.Select(f => f.Name))}")
                .WithContext(column: parameter.Column);
        }
        var field = reader.Schema[index];
        if (!parameter.Mapping.CanRead(field))
        {
            throw new ParquetFormatException(
                    $"the column holds {Describe(field)} values, which cannot be read into {parameter.Member} of type {parameter.Mapping.Type.Name}")
                .WithContext(column: parameter.Column);
        }
        return field;
    }

    private static string Describe(ParquetField field) => field.Type == ParquetType.Timestamp ? "timestamp" : field.Type.ToString();

    private static (ConstructorInfo, ParameterBinding[]) FindConstructor()
    {
        var constructor = typeof(T).GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().Length > 0)
            ?? throw new NotSupportedException(
                $"{typeof(T).Name} needs a public constructor whose parameters are its columns (a positional record works)");
        var nullability = new NullabilityInfoContext();
        var parameters = constructor.GetParameters().Select(p =>
        {
            var member = $"{typeof(T).Name}.{p.Name}";
            var mapping = ClrMapping.Of(p.ParameterType, nullability.Create(p).WriteState == NullabilityState.Nullable, member);
            return new ParameterBinding(p, Naming.ToSnakeCase(p.Name!), mapping, member);
        }).ToArray();
        return (constructor, parameters);
    }

    private static Filler Compile(ConstructorInfo constructor, ParameterBinding[] parameters, ParquetField?[] fields)
    {
        var columns = Expression.Parameter(typeof(ParquetColumn?[]), "columns");
        var output = Expression.Parameter(typeof(T[]), "output");
        var offset = Expression.Parameter(typeof(int), "offset");
        var count = Expression.Parameter(typeof(int), "count");
        var i = Expression.Variable(typeof(int), "i");
        var variables = new List<ParameterExpression> { i };
        var setup = new List<Expression>();
        var arguments = new Expression[parameters.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            if (fields[p] is not { } field)
            {
                var defaultValue = parameters[p].Parameter.DefaultValue;
                arguments[p] = defaultValue is null
                    ? Expression.Default(parameters[p].Parameter.ParameterType)
                    : Expression.Convert(Expression.Constant(defaultValue), parameters[p].Parameter.ParameterType);
                continue;
            }
            var stored = field.ClrType;
            var columnType = typeof(ParquetColumn<>).MakeGenericType(stored);
            var column = Expression.Convert(Expression.ArrayIndex(columns, Expression.Constant(p)), columnType);
            var values = Expression.Variable(stored.MakeArrayType(), $"values{p}");
            var defined = Expression.Variable(typeof(bool[]), $"defined{p}");
            variables.Add(values);
            variables.Add(defined);
            setup.Add(Expression.Assign(values, Expression.Property(column, "Values")));
            setup.Add(Expression.Assign(defined, Expression.Property(column, "Defined")));
            arguments[p] = Argument(parameters[p], field, values, defined, i, offset);
        }
        var end = Expression.Label("end");
        var loop = Expression.Loop(
            Expression.IfThenElse(
                Expression.LessThan(i, count),
                Expression.Block(
                    Expression.Assign(Expression.ArrayAccess(output, Expression.Add(offset, i)), Expression.New(constructor, arguments)),
                    Expression.PostIncrementAssign(i)),
                Expression.Break(end)),
            end);
        var body = Expression.Block(variables, [.. setup, Expression.Assign(i, Expression.Constant(0)), loop]);
        return Expression.Lambda<Filler>(body, columns, output, offset, count).Compile();
    }

    /// <summary>The expression for one constructor argument at row <paramref name="i"/>, with null checks and conversion.</summary>
    private static Expression Argument(ParameterBinding parameter, ParquetField field, ParameterExpression values,
        ParameterExpression defined, ParameterExpression i, ParameterExpression offset)
    {
        var mapping = parameter.Mapping;
        var u = mapping.Underlying;
        var column = Expression.Constant(field.Name);
        var member = Expression.Constant(parameter.Member);
        var row = Expression.Convert(Expression.Add(offset, i), typeof(long));
        var rowValues = typeof(RecordValues);
        if (field.Type == ParquetType.String)
        {
            Expression text = mapping.IsNullable
                ? Expression.ArrayIndex(values, i)
                : Expression.Call(rowValues.GetMethod(nameof(RecordValues.RequiredString))!, values, i, column, member, offset);
            if (!u.IsEnum)
            {
                return text;
            }
            var names = typeof(EnumNames<>).MakeGenericType(u);
            return Expression.Call(names.GetMethod(mapping.IsNullable ? "ParseNullable" : "Parse")!, text, column, row);
        }

        var stored = field.ClrType;
        Expression raw = mapping.IsNullable
            ? Expression.Call(rowValues.GetMethod(nameof(RecordValues.Optional))!.MakeGenericMethod(stored), values, defined, i)
            : Expression.Call(rowValues.GetMethod(nameof(RecordValues.Required))!.MakeGenericMethod(stored), values, defined, i, column, member, offset);
        if (field.Type == ParquetType.Timestamp)
        {
            var method = (mapping.IsNullable ? "ToNullable" : "To") + u.Name;
            return Expression.Call(typeof(Timestamps).GetMethod(method)!, raw,
                Expression.Constant(field.TimestampUnit), Expression.Constant(field.IsAdjustedToUtc), column, row);
        }
        return raw.Type == mapping.Type ? raw : Expression.Convert(raw, mapping.Type);
    }

    private sealed record ParameterBinding(ParameterInfo Parameter, string Column, ClrMapping Mapping, string Member);
}
