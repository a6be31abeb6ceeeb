using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Verdicts;

/// <summary>How a comparison was computed.</summary>
public enum TestMethod
{
    /// <summary>Same seeds on both sides: paired t-test on per-seed differences.</summary>
    Paired,

    /// <summary>Different seeds: Welch's t-test with Welch–Satterthwaite degrees of freedom.</summary>
    Welch,

    /// <summary>No seed variance (deterministic runs): the constant difference is compared with the margin exactly.</summary>
    Exact,
}

/// <summary>The three one-sided questions asked of every comparison.</summary>
public enum DecisionTest
{
    /// <summary>Worse by more than the margin (decides REGRESSED).</summary>
    Worse,

    /// <summary>Better by more than the margin (decides IMPROVED).</summary>
    Better,

    /// <summary>Within ±margin, by two one-sided tests (decides NO-CHANGE).</summary>
    Equivalent,
}

/// <summary>A p-value before and after the multiplicity correction of its family.</summary>
/// <param name="Raw">The test's own p-value.</param>
/// <param name="Adjusted">Holm-adjusted (gated metrics) or Benjamini–Hochberg-adjusted (reported metrics).</param>
public sealed record AdjustedP(double Raw, double Adjusted);

/// <summary>The statistics of one metric's comparison. Differences are candidate − baseline, in the metric's units.</summary>
/// <param name="Method">Paired, Welch or exact.</param>
/// <param name="Margin">The margin in the metric's units (a relative margin times |baseline mean|).</param>
/// <param name="Difference">Estimated candidate − baseline.</param>
/// <param name="ConfidenceLow">Lower end of the (1 − 2α) confidence interval of the difference.</param>
/// <param name="ConfidenceHigh">Upper end of that interval.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t-test; null on the exact path.</param>
/// <param name="Worse">Test of "worse by more than the margin" (decides REGRESSED).</param>
/// <param name="Better">Test of "better by more than the margin" (decides IMPROVED).</param>
/// <param name="Equivalent">Two one-sided tests of "within ±margin" (decides NO-CHANGE).</param>
/// <param name="PermutationWorse">Exact permutation p of the worse-test, when enumerable.</param>
/// <param name="PermutationBetter">Exact permutation p of the better-test, when enumerable.</param>
/// <param name="PermutationArrangements">How many arrangements the permutation tests enumerated.</param>
/// <param name="NoiseSd">
/// The noise the test saw: the sd of the per-seed differences (paired) or the pooled per-seed sd (Welch); 0 exact.
/// </param>
/// <param name="SeedsToDecide">Seeds per side that would decide it at the observed difference and variance, if any.</param>
public sealed record Comparison(
    TestMethod Method,
    double Margin,
    double Difference,
    double ConfidenceLow,
    double ConfidenceHigh,
    double? DegreesOfFreedom,
    AdjustedP Worse,
    AdjustedP Better,
    AdjustedP Equivalent,
    double? PermutationWorse,
    double? PermutationBetter,
    long? PermutationArrangements,
    double NoiseSd,
    int? SeedsToDecide);

/// <summary>One row of the gate's result: a metric of a variant of a suite, with its verdict and the evidence.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Profile">Profile.</param>
/// <param name="Variant">Variant name.</param>
/// <param name="Metric">The declaration (name, split, direction, role, margin).</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="FailsGate">Whether this row makes the gate fail under the policy.</param>
/// <param name="Baseline">Baseline per-seed summary (finite values only).</param>
/// <param name="Candidate">Candidate per-seed summary (finite values only).</param>
/// <param name="Comparison">The statistics, when a test ran.</param>
/// <param name="Notes">Human-readable details: what is stale, which seeds diverged, cross-check disagreements.</param>
public sealed record MetricVerdict(
    string Suite,
    string Profile,
    string Variant,
    MetricDeclaration Metric,
    Verdict Verdict,
    bool FailsGate,
    SampleSummary Baseline,
    SampleSummary Candidate,
    Comparison? Comparison,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether the metric is gated (primary) rather than only reported.</summary>
    public bool IsGated => Metric.Role == MetricRole.Primary;

    /// <summary>
    /// The test behind the verdict: worse for REGRESSED, better for IMPROVED, equivalent for NO-CHANGE; for
    /// INCONCLUSIVE the one the estimate is closest to deciding (worse above +margin, better below −margin,
    /// equivalent inside). Null without a comparison.
    /// </summary>
    public DecisionTest? DecidingTest => Comparison is not { } c
        ? null
        : Verdict switch
        {
            Verdict.Regressed => DecisionTest.Worse,
            Verdict.Improved => DecisionTest.Better,
            Verdict.NoChange => DecisionTest.Equivalent,
            _ => Degradation(c) > c.Margin ? DecisionTest.Worse
                : Degradation(c) < -c.Margin ? DecisionTest.Better
                : DecisionTest.Equivalent,
        };

    /// <summary>The p-value of <see cref="DecidingTest"/>; null without a comparison.</summary>
    public AdjustedP? DecidingP => DecidingTest switch
    {
        DecisionTest.Worse => Comparison!.Worse,
        DecisionTest.Better => Comparison!.Better,
        DecisionTest.Equivalent => Comparison!.Equivalent,
        _ => null,
    };

    // Positive is worse whichever way the metric improves.
    private double Degradation(Comparison comparison) =>
        Metric.Direction == Direction.Lower ? comparison.Difference : -comparison.Difference;

    /// <summary><c>suite/variant/split/metric</c>.</summary>
    public string Key => $"{Suite}/{Variant}/{Metric.Key}";
}
