using System.Globalization;
using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Verdicts;

/// <summary>A comparison, or why none could be made, plus notes for the report.</summary>
/// <param name="Comparison">The statistics with raw p-values (adjusted = raw until the family is corrected).</param>
/// <param name="Notes">Cross-check disagreements and the reason when <paramref name="Comparison"/> is null.</param>
public sealed record ComparisonOutcome(Comparison? Comparison, IReadOnlyList<string> Notes);

/// <summary>
/// Compares one metric's per-seed values, baseline against candidate: orients them so that positive means worse,
/// picks the paired, Welch or exact path, and runs the three one-sided decisions against the margin-shifted null.
/// </summary>
public static class MetricComparer
{
    /// <summary>
    /// Compares finite per-seed values of one metric; seeds are keys, so pairing is by seed. Per-seed differences
    /// within <paramref name="tolerance"/> (relative) are float noise.
    /// </summary>
    public static ComparisonOutcome Compare(
        IReadOnlyDictionary<int, double> baseline,
        IReadOnlyDictionary<int, double> candidate,
        Direction direction,
        GateMargin margin,
        double tolerance,
        GatePolicy policy)
    {
        // Degradation = sign·(candidate − baseline): positive is worse whichever way the metric improves.
        var sign = direction == Direction.Lower ? 1.0 : -1.0;
        var baseValues = baseline.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        var candValues = candidate.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        var baseSummary = Descriptive.Summarize(baseValues);
        var delta = margin.Absolute(baseSummary.Mean);
        var scale = Descriptive.Scale(baseValues.Concat(candValues));
        // Differences this small are float noise (another CPU's BLAS, another summation order), whatever the margin.
        var noise = Math.Max(Descriptive.RoundingTolerance, tolerance) * scale;
        var paired = baseline.Count >= 2 && baseline.Keys.ToHashSet().SetEquals(candidate.Keys);

        if (paired)
        {
            var differences = baseline.Keys.Order().Select(seed => sign * (candidate[seed] - baseline[seed])).ToArray();
            if (Descriptive.IsConstant(differences, scale))
            {
                return Exact(Descriptive.Summarize(differences).Mean, delta, noise, sign, "the per-seed differences are all equal");
            }
            if (differences.All(d => Math.Abs(d) <= noise))
            {
                return Exact(Descriptive.Summarize(differences).Mean, delta, noise, sign, "every per-seed difference is within the float tolerance");
            }
            var estimate = PairedTTest.Estimate(differences);
            var worse = PermutationTest.SignFlip(differences.Select(d => d - delta).ToArray(), policy.MaxPermutationArrangements);
            var better = PermutationTest.SignFlip(differences.Select(d => -(d + delta)).ToArray(), policy.MaxPermutationArrangements);
            var sd = Descriptive.Summarize(differences).StandardDeviation;
            return Tested(TestMethod.Paired, estimate, delta, sign, sd, SampleDesign.Paired, worse, better, policy);
        }

        if (baseValues.Length < 2 || candValues.Length < 2)
        {
            return new ComparisonOutcome(null,
            [
                $"needs at least 2 seeds per side to estimate seed variance (baseline {baseValues.Length}, candidate {candValues.Length}); "
                + "run the profile with more seeds",
            ]);
        }

        var orientedBase = baseValues.Select(v => sign * v).ToArray();
        var orientedCand = candValues.Select(v => sign * v).ToArray();
        var baseConstant = Descriptive.IsConstant(orientedBase, scale);
        var candConstant = Descriptive.IsConstant(orientedCand, scale);
        if (baseConstant && candConstant)
        {
            return Exact(sign * (Descriptive.Summarize(candValues).Mean - baseSummary.Mean), delta, noise, sign, "both sides have no seed variance");
        }
        var b = WithoutRoundingNoise(Descriptive.Summarize(orientedBase), baseConstant);
        var c = WithoutRoundingNoise(Descriptive.Summarize(orientedCand), candConstant);
        var welch = WelchTTest.Estimate(c, b);
        var worseTwo = PermutationTest.TwoSample(orientedCand.Select(v => v - delta).ToArray(), orientedBase, policy.MaxPermutationArrangements);
        var betterTwo = PermutationTest.TwoSample(orientedBase, orientedCand.Select(v => v + delta).ToArray(), policy.MaxPermutationArrangements);
        var pooledSd = Math.Sqrt((b.Variance + c.Variance) / 2);
        return Tested(TestMethod.Welch, welch, delta, sign, pooledSd, SampleDesign.TwoSample, worseTwo, betterTwo, policy);
    }

    // A side whose values differ by rounding only has no seed variance; say so exactly so the Welch–Satterthwaite
    // degrees of freedom come out as the other side's n − 1 rather than as a rounding artefact.
    private static SampleSummary WithoutRoundingNoise(SampleSummary summary, bool constant) =>
        constant ? summary with { StandardDeviation = 0 } : summary;

    private static ComparisonOutcome Tested(
        TestMethod method,
        DifferenceEstimate estimate,
        double delta,
        double sign,
        double noiseSd,
        SampleDesign design,
        PermutationResult? permutationWorse,
        PermutationResult? permutationBetter,
        GatePolicy policy)
    {
        var pWorse = estimate.PValueGreater(delta);
        var pBetter = estimate.PValueLess(-delta);
        // Two one-sided tests: within ±δ needs both "above −δ" and "below +δ"; the larger p decides.
        var pEquivalent = Math.Max(estimate.PValueLess(delta), estimate.PValueGreater(-delta));
        var (low, high) = estimate.ConfidenceInterval(policy.ConfidenceLevel);
        var (ciLow, ciHigh) = sign > 0 ? (low, high) : (-high, -low);
        var seeds = SampleSize.SeedsPerSide(noiseSd, DistanceToDecision(estimate.Difference, delta), design, policy.Alpha, policy.Power);
        var notes = new List<string>();
        CrossCheck("worse", pWorse, permutationWorse, policy.Alpha, notes);
        CrossCheck("better", pBetter, permutationBetter, policy.Alpha, notes);
        var comparison = new Comparison(
            method,
            delta,
            sign * estimate.Difference,
            ciLow,
            ciHigh,
            estimate.DegreesOfFreedom,
            new AdjustedP(pWorse, pWorse),
            new AdjustedP(pBetter, pBetter),
            new AdjustedP(pEquivalent, pEquivalent),
            permutationWorse?.PValue,
            permutationBetter?.PValue,
            permutationWorse?.Arrangements,
            noiseSd,
            seeds);
        return new ComparisonOutcome(comparison, notes);
    }

    // Deterministic sides (or float noise only): the difference is known, so each decision is certain (p = 0 or 1);
    // a difference within the tolerance (rounding, or the float tolerance) of the margin is within it.
    private static ComparisonOutcome Exact(double degradation, double delta, double tolerance, double sign, string why)
    {
        var worse = degradation > delta + tolerance ? 0.0 : 1.0;
        var better = degradation < -delta - tolerance ? 0.0 : 1.0;
        var within = Math.Abs(degradation) <= delta + tolerance ? 0.0 : 1.0;
        var difference = sign * degradation;
        var comparison = new Comparison(
            TestMethod.Exact,
            delta,
            difference,
            difference,
            difference,
            null,
            new AdjustedP(worse, worse),
            new AdjustedP(better, better),
            new AdjustedP(within, within),
            null,
            null,
            null,
            0,
            null);
        return new ComparisonOutcome(comparison, [$"{why}: the difference is compared with the margin exactly"]);
    }

    // How far the estimate is from the nearest boundary a test could establish: beyond +δ (worse), beyond −δ
    // (better) or inside ±δ (equivalent). Assumes the true difference equals the estimate.
    private static double DistanceToDecision(double degradation, double delta) =>
        degradation > delta ? degradation - delta
        : degradation < -delta ? -delta - degradation
        : delta - Math.Abs(degradation);

    private static void CrossCheck(string test, double tP, PermutationResult? permutation, double alpha, List<string> notes)
    {
        // A permutation test that cannot reach α (3 v 3 seeds: smallest p 0.05) has nothing to say.
        if (permutation is null || permutation.SmallestPossiblePValue >= alpha)
        {
            return;
        }
        if (tP < alpha != permutation.PValue < alpha)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"cross-check: the exact permutation test of \"{test}\" gives p = {permutation.PValue:0.####} over {permutation.Arrangements} arrangements against t-test p = {tP:0.####}"));
        }
    }
}
