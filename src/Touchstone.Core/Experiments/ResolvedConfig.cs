using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Touchstone.Core.Experiments;

/// <summary>One leaf of a flattened config: a dotted path and its value as canonical JSON text.</summary>
/// <param name="Path">Dotted path, e.g. <c>training.lr</c>.</param>
/// <param name="Value">The value: strings unquoted, everything else as canonical JSON.</param>
public sealed record ConfigEntry(string Path, string Value);

/// <summary>
/// A cell's fully resolved config: a JSON tree with snake_case keys, immutable once built. Its canonical JSON
/// (keys sorted at every level, no whitespace) is what the config hash is computed over.
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

    private readonly JsonObject _root;

    /// <summary>Wraps a resolved tree; the tree is deep-copied so later changes to it do not leak in.</summary>
    public ResolvedConfig(JsonObject root)
    {
        _root = (JsonObject)Canonicalize(root)!;
        CanonicalJson = _root.ToJsonString();
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));
    }

    /// <summary>Keys sorted at every level, no whitespace: the text the hash is computed over.</summary>
    public string CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/>, lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>A deep copy of the tree.</summary>
    public JsonObject ToJsonObject() => (JsonObject)_root.DeepClone();

    /// <summary>Binds the tree to the experiment's config record.</summary>
    public T Bind<T>() where T : class =>
        _root.Deserialize<T>(BindingOptions)
        ?? throw new InvalidOperationException($"config bound to null for {typeof(T).Name}");

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
        _ => node.DeepClone(),
    };
}
