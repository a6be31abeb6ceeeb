using System.Collections.Concurrent;
using System.Reflection;

namespace Touchstone.Parquet.Records;

/// <summary>
/// The columns of a record type: one per public readable property, in declaration order, named in snake_case.
/// The loop that extracts them is compiled once per type (expression trees), so writing does no reflection per row.
/// </summary>
internal static class RecordMapping<T>
{
    private static readonly Lazy<RecordProperty[]> PropertiesLazy = new(DiscoverProperties);
    private static readonly ConcurrentDictionary<ParquetTimestampUnit, RecordFill<T>> Fills = new();

    public static RecordProperty[] Properties => PropertiesLazy.Value;

    public static ParquetSchema Schema(ParquetTimestampUnit unit) => new(Properties.Select(p => p.Field(unit)));

    /// <summary>A fresh batch (it owns the column buffers) around the loop compiled once per type and unit.</summary>
    public static RecordBatch<T> CreateBatch(ParquetTimestampUnit unit) =>
        new(Properties, unit, Fills.GetOrAdd(unit, u => RecordBatch<T>.Compile(Properties, u)));

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
}

/// <summary>A property of a record type and the column it maps to.</summary>
internal sealed record RecordProperty(PropertyInfo Property, string Column, ClrMapping Mapping)
{
    public ParquetField Field(ParquetTimestampUnit unit) =>
        new(Column, Mapping.ParquetType, Mapping.IsNullable) { TimestampUnit = unit };
}
