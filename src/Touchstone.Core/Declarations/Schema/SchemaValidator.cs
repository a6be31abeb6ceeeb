using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Touchstone.Core.Declarations.Yaml;

namespace Touchstone.Core.Declarations.Schema;

/// <summary>
/// Checks a JSON tree read from YAML (or an override value) against a <see cref="SchemaNode"/> and returns it in
/// normal form: numbers typed as the schema says, enum names in snake_case, absent optional keys filled with their
/// defaults (so the config hash covers them). Every problem becomes a <see cref="Diagnostic"/> with the location of
/// the offending key or value; validation goes on after a problem so that one pass reports them all.
/// </summary>
/// <param name="locator">Finds where nodes were written.</param>
/// <param name="errors">Receives the problems.</param>
public sealed class SchemaValidator(Locator locator, List<Diagnostic> errors)
{
    /// <summary>The normal form of <paramref name="value"/>, or null where it was invalid.</summary>
    /// <param name="schema">The expected shape.</param>
    /// <param name="value">The value as read.</param>
    /// <param name="path">Dotted path of the value from the file's root, for messages (empty for the root).</param>
    /// <param name="at">Where the value is (its own location, or its key's when the value is null).</param>
    public JsonNode? Normalize(SchemaNode schema, JsonNode? value, string path, SourceLocation? at)
    {
        at = locator.At(value) ?? at;
        if (schema is NullableSchema nullable)
        {
            return value is null ? null : Normalize(nullable.Inner, value, path, at);
        }
        if (value is null)
        {
            return Mismatch(schema, value, path, at);
        }
        var result = schema switch
        {
            ScalarSchema scalar => NormalizeScalar(scalar, value, path, at),
            EnumSchema enumeration => NormalizeEnum(enumeration, value, path, at),
            ListSchema list => NormalizeList(list, value, path, at),
            MapSchema map => NormalizeMap(map, value, path, at),
            ObjectSchema obj => NormalizeObject(obj, value, path, at),
            RawSchema raw => NormalizeRaw(raw, value, path, at),
            _ => throw new InvalidOperationException($"unknown schema node {schema.GetType().Name}"),
        };
        locator.Map.CopyLocations(value, result);
        return result;
    }

    /// <summary>Joins a path and a key with a dot (no dot at the root).</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>How a value is named in a message: <c>the string 'x'</c>, <c>1.5</c>, <c>a list</c>, …</summary>
    public static string DescribeValue(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "a mapping",
        _ when value.GetValueKind() == JsonValueKind.String => $"the string '{value.GetValue<string>()}'",
        _ => value.ToJsonString(),
    };

    private JsonNode? NormalizeObject(ObjectSchema schema, JsonNode value, string path, SourceLocation? at)
    {
        if (value is not JsonObject obj)
        {
            return Mismatch(schema, value, path, at);
        }
        var result = new JsonObject();
        var names = schema.Properties.Select(p => p.Name).ToList();
        // A misspelt key is one mistake: "unknown key 'lrr'; did you mean 'lr'?" says it, no "missing 'lr'" after.
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in obj)
        {
            if (schema.Find(key) is null)
            {
                var closest = Suggestions.Closest(key, names.Where(n => !obj.ContainsKey(n)));
                var hint = closest is null ? "" : $"; did you mean '{closest}'?";
                var where = path.Length == 0 ? "" : $" in '{path}'";
                Report(locator.AtKey(obj, key), Join(path, key),
                    $"unknown key '{key}'{where}{hint} (allowed: {string.Join(", ", names)})");
                if (closest is not null)
                {
                    suggested.Add(closest);
                }
            }
        }
        foreach (var property in schema.Properties)
        {
            if (obj.TryGetPropertyValue(property.Name, out var child))
            {
                var childAt = locator.At(child) ?? locator.AtKey(obj, property.Name);
                result[property.Name] = Normalize(property.Schema, child, Join(path, property.Name), childAt);
            }
            else if (property.HasDefault)
            {
                result[property.Name] = property.Default?.DeepClone();
            }
            else if (!suggested.Contains(property.Name))
            {
                var owner = path.Length == 0 ? "" : $"'{path}' is ";
                Report(at, Join(path, property.Name),
                    $"{owner}missing required key '{property.Name}' ({property.Schema.Describe()})");
            }
        }
        return result;
    }

    private JsonNode? NormalizeMap(MapSchema schema, JsonNode value, string path, SourceLocation? at)
    {
        if (value is not JsonObject obj)
        {
            return Mismatch(schema, value, path, at);
        }
        var result = new JsonObject();
        foreach (var (key, child) in obj)
        {
            result[key] = Normalize(schema.Value, child, Join(path, key), locator.At(child) ?? locator.AtKey(obj, key));
        }
        return result;
    }

    private JsonNode? NormalizeList(ListSchema schema, JsonNode value, string path, SourceLocation? at)
    {
        if (value is not JsonArray array)
        {
            return Mismatch(schema, value, path, at);
        }
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(Normalize(schema.Element, array[i], $"{path}[{i}]", locator.At(array[i]) ?? at));
        }
        return result;
    }

    private JsonNode? NormalizeRaw(RawSchema schema, JsonNode value, string path, SourceLocation? at) =>
        (schema.ClrType == typeof(JsonObject) && value is not JsonObject)
        || (schema.ClrType == typeof(JsonArray) && value is not JsonArray)
        || (schema.ClrType == typeof(JsonValue) && value is not JsonValue)
            ? Mismatch(schema, value, path, at)
            : value.DeepClone();

    private JsonNode? NormalizeEnum(EnumSchema schema, JsonNode value, string path, SourceLocation? at)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(text);
            if (schema.Names.FirstOrDefault(n => n == snake) is { } name)
            {
                return JsonValue.Create(name);
            }
            Report(at, path, $"'{path}' must be one of {string.Join(", ", schema.Names)}, not '{text}'"
                + Suggestions.DidYouMean(text, schema.Names));
            return null;
        }
        return Mismatch(schema, value, path, at);
    }

    private JsonNode? NormalizeScalar(ScalarSchema schema, JsonNode value, string path, SourceLocation? at)
    {
        if (value is not JsonValue v)
        {
            return Mismatch(schema, value, path, at);
        }
        var kind = v.GetValueKind();
        switch (schema.Kind)
        {
            case ScalarKind.Bool when kind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(kind == JsonValueKind.True);
            case ScalarKind.String when kind == JsonValueKind.String:
                return JsonValue.Create(v.GetValue<string>());
            case ScalarKind.String when kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // An unquoted YAML scalar that looked like a number (a version such as 1.10): keep its text.
                return JsonValue.Create(v.ToJsonString());
            case ScalarKind.Int32 or ScalarKind.Int64 when kind == JsonValueKind.Number:
                return Integer(schema.Kind, v.ToJsonString(), path, at);
            case ScalarKind.Single or ScalarKind.Double when kind == JsonValueKind.Number:
                return Real(schema.Kind, v.ToJsonString(), path, at);
            case ScalarKind.Single or ScalarKind.Double when kind == JsonValueKind.String
                && v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity":
                return JsonValue.Create(v.GetValue<string>());
            default:
                return Mismatch(schema, value, path, at);
        }
    }

    private JsonNode? Integer(ScalarKind kind, string text, string path, SourceLocation? at)
    {
        var (min, max) = kind == ScalarKind.Int32 ? ((double)int.MinValue, (double)int.MaxValue) : (long.MinValue, long.MaxValue);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            if (whole >= min && whole <= max)
            {
                return kind == ScalarKind.Int32 ? JsonValue.Create((int)whole) : JsonValue.Create(whole);
            }
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                 && real == Math.Floor(real) && real >= min && real <= max && Math.Abs(real) < 9007199254740992d)
        {
            return kind == ScalarKind.Int32 ? JsonValue.Create((int)real) : JsonValue.Create((long)real);
        }
        else if (text.IndexOfAny(['.', 'e', 'E']) >= 0)
        {
            Report(at, path, $"'{path}' must be an integer, not {text}");
            return null;
        }
        var bits = kind == ScalarKind.Int32 ? "32" : "64";
        Report(at, path, $"'{path}' must be a {bits}-bit integer, and {text} is out of range");
        return null;
    }

    private JsonNode? Real(ScalarKind kind, string text, string path, SourceLocation? at)
    {
        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (kind == ScalarKind.Single ? float.IsInfinity((float)real) : double.IsInfinity(real))
        {
            Report(at, path, $"'{path}' is {text}, too large for a {(kind == ScalarKind.Single ? "float" : "double")}; write .inf for infinity");
            return null;
        }
        return kind == ScalarKind.Single ? JsonValue.Create((float)real) : JsonValue.Create(real);
    }

    private JsonNode? Mismatch(SchemaNode schema, JsonNode? value, string path, SourceLocation? at)
    {
        var what = path.Length == 0 ? "the document" : $"'{path}'";
        Report(at, path, $"{what} must be {schema.Describe()}, not {DescribeValue(value)}");
        return null;
    }

    private void Report(SourceLocation? at, string key, string message) => errors.Add(new Diagnostic(at, key, message));
}
