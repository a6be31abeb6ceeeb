using System.Reflection;
using System.Text.Json;

namespace Touchstone.Core.Results;

/// <summary>
/// Says in a user's words what is wrong with a results JSON file (manifest.json, cell.json): what the file must
/// hold, which fields it lacks, which value has the wrong kind — never a .NET type name.
/// </summary>
public static class JsonProblems
{
    /// <summary>
    /// What is wrong with the shape of <paramref name="json"/>, or null when it is right: the root must be an object
    /// with (non-null) values for the <paramref name="required"/> keys.
    /// </summary>
    public static string? Shape(string json, params string[] required)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"it holds {Kind(root.ValueKind)}, not a JSON object";
        }
        var missing = required
            .Where(name => !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            .ToList();
        return missing.Count == 0 ? null : $"it lacks {string.Join(", ", missing)}";
    }

    /// <summary>A deserialization error as a sentence: where (JSON path, line) and what kind of value belongs there.</summary>
    public static string Explain<T>(JsonException e)
    {
        if (e.Path is not { Length: > 1 } path)
        {
            return "it is not valid JSON" + Line(e);
        }
        var expected = ExpectedAt(typeof(T), path);
        return $"the value of {path.TrimStart('$', '.')}{Line(e)} should be {expected}";
    }

    private static string Line(JsonException e) => e.LineNumber is { } line ? $" (line {line + 1})" : "";

    // Walks $.a.b[0].c through the properties (snake_case) and element types of T.
    private static string ExpectedAt(Type type, string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == name);
            if (property is null)
            {
                return "a value of another kind";
            }
            type = property.PropertyType;
            if (part.Contains('[') && Element(type) is { } element)
            {
                type = element;
            }
        }
        return Describe(type);
    }

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }
        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }
        if (type == typeof(double) || type == typeof(float))
        {
            return "a number";
        }
        if (type == typeof(bool))
        {
            return "true or false";
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date and time (ISO 8601, e.g. 2026-11-21T23:59:59Z)";
        }
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));
        }
        if (Element(type) is { } element)
        {
            return $"a list of {Plural(Describe(element))}";
        }
        return "an object with its own fields";
    }

    private static string Plural(string kind) => kind switch
    {
        "a string" => "strings",
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        _ => kind,
    };

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true or false",
    };
}
