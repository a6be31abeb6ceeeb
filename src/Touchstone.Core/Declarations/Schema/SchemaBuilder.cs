using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Touchstone.Core.Experiments;

namespace Touchstone.Core.Declarations.Schema;

/// <summary>
/// Derives a <see cref="SchemaNode"/> from a C# config type, the same way <see cref="ResolvedConfig.Bind{T}"/>
/// binds it: properties in snake_case (or their <see cref="JsonPropertyNameAttribute"/>), constructor parameters
/// with default values and settable properties optional, nullable annotations respected. Supported: bool, int,
/// long, float, double, string, enums, lists/arrays, string-keyed dictionaries, nested records, JsonNode.
/// </summary>
public static class SchemaBuilder
{
    private static readonly Dictionary<Type, ObjectSchema> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>The schema of a record type; throws <see cref="InvalidOperationException"/> for an unsupported type.</summary>
    public static ObjectSchema ForRecord(Type type)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(type, out var schema))
            {
                schema = BuildObject(type, []);
                Cache[type] = schema;
            }
            return schema;
        }
    }

    private static SchemaNode Build(Type type, NullabilityInfo? nullability, HashSet<Type> visiting, string where)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return new NullableSchema(Build(underlying, null, visiting, where));
        }
        var inner = BuildNonNull(type, nullability, visiting, where);
        var mayBeNull = !type.IsValueType && nullability is { ReadState: NullabilityState.Nullable };
        return mayBeNull ? new NullableSchema(inner) : inner;
    }

    private static SchemaNode BuildNonNull(Type type, NullabilityInfo? nullability, HashSet<Type> visiting, string where)
    {
        if (Scalar(type) is { } kind)
        {
            return new ScalarSchema(type, kind);
        }
        if (type.IsEnum)
        {
            return new EnumSchema(type, Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList());
        }
        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            return new RawSchema(type);
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            var valueInfo = nullability?.GenericTypeArguments is [_, var v] ? v : null;
            return new MapSchema(type, Build(valueType, valueInfo, visiting, where + " values"));
        }
        if (ListElementType(type) is { } elementType)
        {
            var elementInfo = type.IsArray ? nullability?.ElementType : nullability?.GenericTypeArguments.FirstOrDefault();
            return new ListSchema(type, Build(elementType, elementInfo, visiting, where + " elements"));
        }
        if (type.IsClass && type != typeof(object) && !type.IsAbstract)
        {
            return BuildObject(type, visiting);
        }
        throw new InvalidOperationException(
            $"Config type {where} is {type.Name}, which a suite cannot declare. Use bool, int, long, float, double, " +
            "string, an enum, a list, a string-keyed dictionary, a nested record, or JsonNode.");
    }

    private static ObjectSchema BuildObject(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            throw new InvalidOperationException($"Config type {type.Name} contains itself; config records must form a tree.");
        }
        var context = new NullabilityInfoContext();
        var constructor = ChooseConstructor(type);
        var parameters = constructor?.GetParameters() ?? [];
        var prototype = Prototype(constructor, parameters);
        var properties = new List<PropertySchema>();
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var parameter in parameters)
        {
            var property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException(
                    $"Constructor parameter '{parameter.Name}' of {type.Name} has no public property of the same name.");
            covered.Add(property.Name);
            var schema = Build(parameter.ParameterType, context.Create(parameter), visiting, $"{type.Name}.{property.Name}");
            var defaultValue = parameter.HasDefaultValue ? Serialize(DefaultOf(parameter), parameter.ParameterType) : null;
            properties.Add(new PropertySchema(JsonName(property), schema, defaultValue, parameter.HasDefaultValue));
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (covered.Contains(property.Name) || property.SetMethod is not { IsPublic: true } || Ignored(property))
            {
                continue;
            }
            var schema = Build(property.PropertyType, context.Create(property), visiting, $"{type.Name}.{property.Name}");
            var hasDefault = prototype is not null;
            var defaultValue = hasDefault ? Serialize(property.GetValue(prototype), property.PropertyType) : null;
            properties.Add(new PropertySchema(JsonName(property), schema, defaultValue, hasDefault));
        }
        visiting.Remove(type);
        return new ObjectSchema(type, properties);
    }

    private static ConstructorInfo? ChooseConstructor(Type type)
    {
        var publicCtors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        return publicCtors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)))
            ?? publicCtors.FirstOrDefault(c => c.GetParameters().Length == 0)
            ?? (publicCtors.Length == 1 ? publicCtors[0] : null)
            ?? throw new InvalidOperationException(
                $"Config type {type.Name} needs one public constructor (or one marked [JsonConstructor]).");
    }

    // An instance built from every constructor default, to read the initial values of settable properties.
    private static object? Prototype(ConstructorInfo? constructor, ParameterInfo[] parameters)
    {
        if (constructor is null || !parameters.All(p => p.HasDefaultValue))
        {
            return null;
        }
        return constructor.Invoke(parameters.Select(DefaultOf).ToArray());
    }

    private static object? DefaultOf(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return value is not null && type.IsEnum ? Enum.ToObject(type, value) : value;
    }

    private static JsonNode? Serialize(object? value, Type type) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, type, ResolvedConfig.BindingOptions);

    private static bool Ignored(PropertyInfo property) =>
        property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always };

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    private static ScalarKind? Scalar(Type type) =>
        type == typeof(bool) ? ScalarKind.Bool
        : type == typeof(int) ? ScalarKind.Int32
        : type == typeof(long) ? ScalarKind.Int64
        : type == typeof(float) ? ScalarKind.Single
        : type == typeof(double) ? ScalarKind.Double
        : type == typeof(string) ? ScalarKind.String
        : null;

    private static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        var isDictionary = definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)
            || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(SortedDictionary<,>);
        if (isDictionary && args[0] != typeof(string))
        {
            throw new InvalidOperationException($"Config dictionaries need string keys, not {args[0].Name}.");
        }
        return isDictionary ? args[1] : null;
    }

    private static Type? ListElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (!type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>)
            || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
