using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Core.Summary;

/// <summary>One declared metric of one variant across the seeds of a run.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Variant">Variant name.</param>
/// <param name="Metric">The declared metric.</param>
/// <param name="Values">The value of each ok cell that logged it, in seed order.</param>
/// <param name="Cells">How many cells of this variant the run has (ok or not).</param>
/// <param name="OkCells">How many of them ended ok.</param>
public sealed record MetricSummary(string Suite, string Variant, MetricDeclaration Metric, IReadOnlyList<double> Values, int Cells, int OkCells)
{
    /// <summary>Mean of <see cref="Values"/>; NaN when there are none.</summary>
    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();

    /// <summary>Sample standard deviation (n − 1); NaN for fewer than two values.</summary>
    public double StandardDeviation
    {
        get
        {
            if (Values.Count < 2)
            {
                return double.NaN;
            }
            var mean = Mean;
            return Math.Sqrt(Values.Sum(v => (v - mean) * (v - mean)) / (Values.Count - 1));
        }
    }
}

/// <summary>
/// The per-suite summary <c>touchstone run</c> prints: for each declared metric and variant, mean ± standard
/// deviation across the seeds whose cells ended ok.
/// </summary>
public static class RunSummary
{
    /// <summary>Summaries in suite, metric (declaration order), variant order.</summary>
    public static IReadOnlyList<MetricSummary> Compute(IReadOnlyList<LoadedSuite> suites, IReadOnlyList<CellOutcome> cells)
    {
        var result = new List<MetricSummary>();
        foreach (var suite in suites)
        {
            var ofSuite = cells.Where(c => c.Row.Suite == suite.Name).ToList();
            if (ofSuite.Count == 0)
            {
                continue;
            }
            var variants = suite.Declaration.Variants.Select(v => v.Name).Where(v => ofSuite.Any(c => c.Row.Variant == v)).ToList();
            foreach (var metric in suite.Declaration.Metrics)
            {
                foreach (var variant in variants.Where(metric.AppliesTo))
                {
                    var ofVariant = ofSuite.Where(c => c.Row.Variant == variant).OrderBy(c => c.Row.Seed).ToList();
                    var ok = ofVariant.Where(c => c.Row.Status == CellStatus.Ok).ToList();
                    var values = ok
                        .SelectMany(c => c.Metrics.Where(m => m.Metric == metric.Name && m.Split == metric.Split).Select(m => m.Value))
                        .ToList();
                    result.Add(new MetricSummary(suite.Name, variant, metric, values, ofVariant.Count, ok.Count));
                }
            }
        }
        return result;
    }
}
