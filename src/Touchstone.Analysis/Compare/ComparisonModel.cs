using Touchstone.Gate.Verdicts;

namespace Touchstone.Analysis.Compare;

/// <summary>One compared side: a run, or a suite's committed baseline.</summary>
/// <param name="Label">How tables name it: the run id, or <c>baseline:&lt;suite&gt;/&lt;profile&gt;</c>.</param>
/// <param name="Profile">The profile it was made with.</param>
public sealed record ComparedRun(string Label, string Profile);

/// <summary>A metric's per-seed values on one side: mean with its t-based confidence interval across seeds.</summary>
/// <param name="N">Finite values (seeds).</param>
/// <param name="Mean">Their mean (NaN without values).</param>
/// <param name="Low">Lower end of the interval (NaN with fewer than 2 values).</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="NonFinite">Seeds whose value is NaN or infinite; left out of the statistics.</param>
public sealed record SeedMean(int N, double Mean, double Low, double High, int NonFinite);

/// <summary>A side's difference to the first side, with the gate's statistics.</summary>
/// <param name="Method">Paired by seed, Welch, or exact (no seed variance).</param>
/// <param name="Difference">This side's mean minus the first side's (paired: the mean per-seed difference).</param>
/// <param name="Low">Lower end of its confidence interval.</param>
/// <param name="High">Upper end.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference; null for exact.</param>
/// <param name="Relative">Difference divided by |first mean|; null when that mean is 0.</param>
public sealed record MeanDifference(TestMethod Method, double Difference, double Low, double High, double? DegreesOfFreedom, double? Relative);

/// <summary>One side's cell in a comparison row.</summary>
/// <param name="Values">Mean and interval across seeds.</param>
/// <param name="Difference">Difference to the first side; null for the first side and when it cannot be estimated.</param>
/// <param name="Notes">Why there is no difference, and what makes the two sides incomparable (config, data, device, profile).</param>
public sealed record ComparedValues(SeedMean Values, MeanDifference? Difference, IReadOnlyList<string> Notes)
{
    /// <summary>True when the side differs from the first in config, data, environment or profile.</summary>
    public bool Marked => Notes.Any(n => n.StartsWith(ComparisonNotes.Incomparable, StringComparison.Ordinal));
}

/// <summary>A variant × split × metric row: one cell per side.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Split">Split.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Gated">Whether the suite declares the metric primary (the gate decides on it).</param>
/// <param name="Sides">One entry per side, in the order of <see cref="SuiteComparison.Runs"/>.</param>
public sealed record ComparisonRow(string Variant, string Split, string Metric, bool Gated, IReadOnlyList<ComparedValues> Sides)
{
    /// <summary><c>split/metric</c>.</summary>
    public string MetricKey => $"{Split}/{Metric}";
}

/// <summary>The comparison of one suite.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Runs">The sides; the first is the reference every difference is taken against.</param>
/// <param name="Rows">The rows, by variant, split and metric.</param>
public sealed record SuiteComparison(string Suite, IReadOnlyList<ComparedRun> Runs, IReadOnlyList<ComparisonRow> Rows);

/// <summary>What <c>touchstone compare</c> computes.</summary>
/// <param name="Level">Confidence level of every interval (0.95).</param>
/// <param name="Suites">One comparison per suite.</param>
public sealed record ComparisonResult(double Level, IReadOnlyList<SuiteComparison> Suites);

/// <summary>Fixed wording shared by the comparison and its renderings.</summary>
public static class ComparisonNotes
{
    /// <summary>The prefix of a note that marks a side as not comparable with the first.</summary>
    public const string Incomparable = "not comparable: ";
}
