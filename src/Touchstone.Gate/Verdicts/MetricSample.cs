using Touchstone.Core.Declarations;

namespace Touchstone.Gate.Verdicts;

/// <summary>One side's per-seed values of one metric of one variant, split into finite and non-finite values.</summary>
/// <param name="Finite">Finite values by seed; these are what the tests see.</param>
/// <param name="NonFinite">NaN or infinite values by seed; they make the metric DIVERGED.</param>
public sealed record MetricSample(IReadOnlyDictionary<int, double> Finite, IReadOnlyDictionary<int, double> NonFinite)
{
    /// <summary>
    /// Picks the values of <paramref name="metric"/> for <paramref name="variant"/>. A seed logged twice keeps its
    /// last value, as the final metric of a resumed cell would.
    /// </summary>
    public static MetricSample Of(IReadOnlyList<SeedValue> values, string variant, MetricDeclaration metric)
    {
        var bySeed = new SortedDictionary<int, double>();
        foreach (var v in values)
        {
            if (v.Variant == variant && v.Split == metric.Split && v.Metric == metric.Name)
            {
                bySeed[v.Seed] = v.Value;
            }
        }
        return new MetricSample(
            bySeed.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value),
            bySeed.Where(p => !double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value));
    }
}
