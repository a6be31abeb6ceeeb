namespace Touchstone.Tracking.Model;

/// <summary>Metrics, params and tags logged to one run in one call.</summary>
/// <param name="Metrics">Metric values.</param>
/// <param name="Params">Parameters.</param>
/// <param name="Tags">Tags.</param>
public sealed record LogBatch(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<RunTag> Tags)
{
    /// <summary>A batch with nothing in it.</summary>
    public static LogBatch Empty { get; } = new([], [], []);

    /// <summary>Number of entities (metrics + params + tags).</summary>
    public int Count => Metrics.Count + Params.Count + Tags.Count;

    /// <summary>True when the batch holds nothing.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>A short description for messages: counts and the first few keys.</summary>
    public string Describe()
    {
        var keys = Params.Select(p => p.Key).Concat(Tags.Select(t => t.Key)).Concat(Metrics.Select(m => m.Key))
            .Distinct().ToList();
        var shown = string.Join(", ", keys.Take(5)) + (keys.Count > 5 ? $", … ({keys.Count} keys)" : "");
        return $"{Metrics.Count} metrics, {Params.Count} params, {Tags.Count} tags (keys: {shown})";
    }
}
