namespace Touchstone.Gate.Statistics;

/// <summary>Welch's unequal-variance t-test of mean(candidate) − mean(baseline) for unpaired seeds.</summary>
public static class WelchTTest
{
    /// <summary>
    /// The difference of means with standard error √(s₁²/n₁ + s₂²/n₂) and Welch–Satterthwaite degrees of freedom.
    /// One side may have zero variance (a deterministic run): the estimate then rests on the other side alone,
    /// with its n − 1 degrees of freedom. Both sides constant is decided exactly by the caller.
    /// </summary>
    public static DifferenceEstimate Estimate(SampleSummary candidate, SampleSummary baseline)
    {
        if (candidate.N < 2 || baseline.N < 2)
        {
            throw new ArgumentException(
                $"Welch's t-test needs at least two values per side (candidate {candidate.N}, baseline {baseline.N})");
        }
        var vc = candidate.Variance / candidate.N;
        var vb = baseline.Variance / baseline.N;
        if (!(vc + vb > 0))
        {
            throw new ArgumentException("Welch's t-test needs variance on at least one side; both sides are constant");
        }
        return new DifferenceEstimate(
            candidate.Mean - baseline.Mean,
            Math.Sqrt(vc + vb),
            SatterthwaiteDegreesOfFreedom(candidate, baseline));
    }

    /// <summary>
    /// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)). A side with zero variance drops out of
    /// both sums, leaving exactly the other side's n − 1.
    /// </summary>
    public static double SatterthwaiteDegreesOfFreedom(SampleSummary a, SampleSummary b)
    {
        var va = a.Variance / a.N;
        var vb = b.Variance / b.N;
        var denominator = va * va / (a.N - 1) + vb * vb / (b.N - 1);
        return (va + vb) * (va + vb) / denominator;
    }
}
