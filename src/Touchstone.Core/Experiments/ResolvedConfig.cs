using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Touchstone.Core.Experiments;

/// <summary>One leaf of a flattened config: a dotted path and its value as canonical JSON text.</summary>
/// <param name="Path">Dotted path, e.g. <c>training.lr</c>.</param>
/// <param name="Value">The value: strings unquoted, everything else as canonical JSON.</param>
public sealed record ConfigEntry(string Path, string Value);

/// <summary>
/// A cell's fully resolved config: a JSON tree with snake_case keys, immutable once built. Its canonical JSON
/// (keys sorted at every level, no whitespace, numbers in one spelling so <c>1e-3</c>, <c>0.001</c> and
/// <c>1.0e-3</c> hash alike and <c>2.0</c> hashes as <c>2</c>, minimal string escaping) is what the config hash is
/// computed over. The seed is not part of the config.
/// </summary>
public sealed class ResolvedConfig
{
    /// <summary>Serializer settings shared by binding and canonical output: snake_case keys, unknown keys rejected.</summary>
    public static readonly JsonSerializerOptions BindingOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions CanonicalWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _root;

    /// <summary>Wraps a resolved tree; the tree is deep-copied so later changes to it do not leak in.</summary>
    public ResolvedConfig(JsonObject root)
    {
        _root = (JsonObject)Canonicalize(root)!;
        CanonicalJson = _root.ToJsonString(CanonicalWriting);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));
    }

    /// <summary>Keys sorted at every level, no whitespace: the text the hash is computed over.</summary>
    public string CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/>, lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>A deep copy of the tree.</summary>
    public JsonObject ToJsonObject() => (JsonObject)_root.DeepClone();

    /// <summary>Binds the tree to the experiment's config record.</summary>
    /// <exception cref="InvalidOperationException">The tree does not fit <typeparamref name="T"/> (the message names the path).</exception>
    public T Bind<T>() where T : class
    {
        try
        {
            return _root.Deserialize<T>(BindingOptions)
                ?? throw new InvalidOperationException($"The config bound to null for {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            // Suite configs are validated against the record before they get here; this is a config built in code.
            var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "(root)";
            throw new InvalidOperationException(
                $"The config does not fit {typeof(T).Name} at '{path}': {e.Message.Split(" Path:")[0]}", e);
        }
    }

    /// <summary>One value by its dotted path (e.g. <c>training.lr</c>), bound to <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">The path does not exist in the config.</exception>
    /// <exception cref="InvalidOperationException">The value does not fit <typeparamref name="T"/>.</exception>
    public T Get<T>(string path)
    {
        JsonNode? node = _root;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                throw new KeyNotFoundException($"The config has no key '{path}'.");
            }
        }
        try
        {
            return node.Deserialize<T>(BindingOptions)!;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The config value at '{path}' does not fit {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Every leaf as a dotted path and a value, in canonical (sorted) order.</summary>
    public IReadOnlyList<ConfigEntry> Flatten()
    {
        var entries = new List<ConfigEntry>();
        Walk(_root, "", entries);
        return entries;
    }

    private static void Walk(JsonNode? node, string path, List<ConfigEntry> entries)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (key, child) in obj)
            {
                Walk(child, path.Length == 0 ? key : $"{path}.{key}", entries);
            }
            return;
        }
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
        entries.Add(new ConfigEntry(path, text));
    }

    private static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonicalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonicalize).ToArray()),
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => CanonicalNumber(value.ToJsonString()),
        _ => node.DeepClone(),
    };

    // Integers keep every digit; other numbers become the shortest text that round-trips the double, and a double
    // with an integral value below 2^53 is written as that integer.
    private static JsonNode CanonicalNumber(string text)
    {
        if (text.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            return JsonNode.Parse(BigInteger.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))!;
        }
        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (real == Math.Floor(real) && Math.Abs(real) < 9007199254740992d)
        {
            return JsonValue.Create((long)real);
        }
        return JsonNode.Parse(real.ToString("R", CultureInfo.InvariantCulture))!;
    }
}
