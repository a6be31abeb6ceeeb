using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Touchstone.Parquet.Records;

/// <summary>
/// The columns of a record type: one per public readable property, in declaration order, named in snake_case.
/// Getters are compiled once per type (expression trees), so writing does no reflection per row.
/// </summary>
internal static class RecordMapping<T>
{
    private static readonly Lazy<RecordProperty[]> PropertiesLazy = new(DiscoverProperties);
    private static readonly ConcurrentDictionary<ParquetTimestampUnit, Delegate[]> Getters = new();

    public static RecordProperty[] Properties => PropertiesLazy.Value;

    public static ParquetSchema Schema(ParquetTimestampUnit unit) => new(Properties.Select(p => p.Field(unit)));

    /// <summary>Fresh column writers (they own buffers) around the cached compiled getters.</summary>
    public static RecordColumnWriter<T>[] CreateColumnWriters(ParquetTimestampUnit unit)
    {
        var getters = Getters.GetOrAdd(unit, u => Properties.Select(p => CompileGetter(p, u)).ToArray());
        var writers = new RecordColumnWriter<T>[Properties.Length];
        for (var i = 0; i < writers.Length; i++)
        {
            var property = Properties[i];
            var field = property.Field(unit);
            var stored = property.Mapping.Stored;
            var writerType = stored == typeof(string) ? typeof(StringColumnWriter<>).MakeGenericType(typeof(T))
                : property.Mapping.IsNullable ? typeof(NullableValueColumnWriter<,>).MakeGenericType(typeof(T), stored)
                : typeof(ValueColumnWriter<,>).MakeGenericType(typeof(T), stored);
            writers[i] = (RecordColumnWriter<T>)Activator.CreateInstance(writerType, field, getters[i])!;
        }
        return writers;
    }

    private static RecordProperty[] DiscoverProperties()
    {
        var nullability = new NullabilityInfoContext();
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)
            .Select(p => new RecordProperty(
                p,
                Naming.ToSnakeCase(p.Name),
                ClrMapping.Of(p.PropertyType, nullability.Create(p).ReadState == NullabilityState.Nullable, $"{typeof(T).Name}.{p.Name}")))
            .ToArray();
        if (properties.Length == 0)
        {
            throw new NotSupportedException($"{typeof(T).Name} has no public properties to store as columns");
        }
        var clash = properties.GroupBy(p => p.Column).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new NotSupportedException(
                $"{typeof(T).Name}: properties {string.Join(" and ", clash.Select(p => p.Property.Name))} both map to column '{clash.Key}'");
        }
        return properties;
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }
        return depth;
    }

    /// <summary>Compiles <c>row =&gt; stored(row.Property)</c>, with the enum or timestamp conversion inlined.</summary>
    private static Delegate CompileGetter(RecordProperty property, ParquetTimestampUnit unit)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression value = Expression.Property(row, property.Property);
        var mapping = property.Mapping;
        var u = mapping.Underlying;
        if (u.IsEnum)
        {
            var names = typeof(EnumNames<>).MakeGenericType(u);
            value = Expression.Call(names.GetMethod(mapping.IsNullable ? "ToNullableName" : "ToName")!, value);
        }
        else if (u == typeof(DateTime) || u == typeof(DateTimeOffset))
        {
            var method = (mapping.IsNullable ? "FromNullable" : "From") + u.Name;
            value = Expression.Call(typeof(Timestamps).GetMethod(method)!, value, Expression.Constant(unit));
        }
        return Expression.Lambda(value, row).Compile();
    }
}

/// <summary>A property of a record type and the column it maps to.</summary>
internal sealed record RecordProperty(PropertyInfo Property, string Column, ClrMapping Mapping)
{
    public ParquetField Field(ParquetTimestampUnit unit) =>
        new(Column, Mapping.ParquetType, Mapping.IsNullable) { TimestampUnit = unit };
}
