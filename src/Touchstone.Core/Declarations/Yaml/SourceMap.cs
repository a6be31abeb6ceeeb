using System.Text.Json.Nodes;

namespace Touchstone.Core.Declarations.Yaml;

/// <summary>
/// Where each node of a tree read from YAML came from: the location of every value node and of every mapping key.
/// Nodes are looked up by identity, so the map answers only for the very nodes the reader produced.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<JsonNode, SourceLocation> _values = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(JsonObject Parent, string Key), SourceLocation> _keys = new(KeyComparer.Instance);

    /// <summary>A map that knows no locations (for values from the command line).</summary>
    public static SourceMap Empty { get; } = new();

    /// <summary>Records where a value node starts.</summary>
    public void SetValue(JsonNode node, SourceLocation location) => _values[node] = location;

    /// <summary>Records where a mapping key starts.</summary>
    public void SetKey(JsonObject parent, string key, SourceLocation location) => _keys[(parent, key)] = location;

    /// <summary>Where <paramref name="node"/> starts, if known.</summary>
    public SourceLocation? ValueOf(JsonNode? node) => node is not null && _values.TryGetValue(node, out var at) ? at : null;

    /// <summary>Where the key <paramref name="key"/> of <paramref name="parent"/> starts, if known.</summary>
    public SourceLocation? KeyOf(JsonObject parent, string key) => _keys.TryGetValue((parent, key), out var at) ? at : null;

    /// <summary>
    /// Gives <paramref name="copy"/> (a normalized or cloned version of <paramref name="original"/>) the same
    /// locations, recursively where the two have the same keys and list positions, so that later checks on the copy
    /// still report the original lines. Does nothing for nodes this map does not know.
    /// </summary>
    public void CopyLocations(JsonNode? original, JsonNode? copy)
    {
        if (original is null || copy is null || ReferenceEquals(original, copy) || ValueOf(original) is not { } at)
        {
            return;
        }
        _values[copy] = at;
        switch (original, copy)
        {
            case (JsonObject from, JsonObject to):
                foreach (var (key, child) in to)
                {
                    if (KeyOf(from, key) is { } keyAt)
                    {
                        _keys[(to, key)] = keyAt;
                    }
                    if (from.TryGetPropertyValue(key, out var source))
                    {
                        CopyLocations(source, child);
                    }
                }
                break;
            case (JsonArray from, JsonArray to):
                for (var i = 0; i < Math.Min(from.Count, to.Count); i++)
                {
                    CopyLocations(from[i], to[i]);
                }
                break;
        }
    }

    private sealed class KeyComparer : IEqualityComparer<(JsonObject Parent, string Key)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((JsonObject Parent, string Key) x, (JsonObject Parent, string Key) y) =>
            ReferenceEquals(x.Parent, y.Parent) && x.Key == y.Key;

        public int GetHashCode((JsonObject Parent, string Key) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Parent), obj.Key);
    }
}

/// <summary>
/// Finds the location to report for a node: its own if the <see cref="SourceMap"/> knows it, else a fallback
/// (the override or key that brought the value in), else none (command line).
/// </summary>
/// <param name="Map">Locations of the nodes read from a file.</param>
/// <param name="Fallback">Location used for nodes the map does not know.</param>
public sealed record Locator(SourceMap Map, SourceLocation? Fallback)
{
    /// <summary>A locator for values without a file.</summary>
    public static Locator None { get; } = new(SourceMap.Empty, null);

    /// <summary>Where a value is.</summary>
    public SourceLocation? At(JsonNode? node) => Map.ValueOf(node) ?? Fallback;

    /// <summary>Where a key of a mapping is (falling back to the mapping itself).</summary>
    public SourceLocation? AtKey(JsonObject parent, string key) => Map.KeyOf(parent, key) ?? At(parent);

    /// <summary>The same map with the fallback moved to <paramref name="fallback"/> when that is known.</summary>
    public Locator Within(SourceLocation? fallback) => fallback is null ? this : this with { Fallback = fallback };
}
