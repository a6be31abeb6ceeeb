namespace Touchstone.Gate.Statistics;

/// <summary>How the seeds of the two sides relate.</summary>
public enum SampleDesign
{
    /// <summary>Same seeds on both sides: the test runs on per-seed differences, σ is their standard deviation.</summary>
    Paired,

    /// <summary>Independent seeds: σ is the per-seed standard deviation of either side.</summary>
    TwoSample,
}

/// <summary>
/// Power arithmetic of the one-sided t-test: how many seeds decide a given shift, and which shift the seeds at hand
/// can detect. Uses the usual approximation of the noncentral t by a shifted central t:
/// n = c·((t₁₋α,ν + t_power,ν)·σ/δ)² with c = 1 (paired, ν = n − 1) or c = 2 (two-sample, ν = 2n − 2), which for
/// large n is the normal formula c·(z₁₋α + z_power)²·(σ/δ)² ≈ 12.4·(σ/δ)² two-sample at α = 0.05, power 0.8.
/// </summary>
public static class SampleSize
{
    /// <summary>Above this many seeds per side the answer is reported as "no practical number".</summary>
    public const int PracticalLimit = 1_000_000;

    /// <summary>
    /// Seeds per side a one-sided test at <paramref name="alpha"/> needs to detect a true shift of
    /// <paramref name="effect"/> with probability <paramref name="power"/> when the noise is <paramref name="sigma"/>.
    /// Null when the effect is not positive or more than <see cref="PracticalLimit"/> seeds would be needed.
    /// </summary>
    public static int? SeedsPerSide(double sigma, double effect, SampleDesign design, double alpha, double power)
    {
        if (!(effect > 0) || !(sigma >= 0) || double.IsInfinity(sigma))
        {
            return null;
        }
        var ratio = sigma / effect;
        var factor = design == SampleDesign.Paired ? 1.0 : 2.0;
        double Required(int n) => factor * Square((Quantile(1 - alpha, n, design) + Quantile(power, n, design)) * ratio);

        // Required(n) falls as n grows; the answer is the smallest n with Required(n) ≤ n. Bracket, then bisect.
        if (Required(2) <= 2)
        {
            return 2;
        }
        var high = 4;
        while (Required(high) > high)
        {
            if (high >= PracticalLimit)
            {
                return null;
            }
            high = Math.Min(PracticalLimit, high * 2);
        }
        var low = high / 2;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Required(middle) <= middle)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return high;
    }

    /// <summary>
    /// The true shift, in units of σ, that a one-sided test at <paramref name="alpha"/> detects with probability
    /// <paramref name="power"/> given these seed counts: (t₁₋α,ν + t_power,ν)·√(1/n) paired,
    /// (t₁₋α,ν + t_power,ν)·√(1/n₁ + 1/n₂) two-sample.
    /// </summary>
    public static double DetectableShift(int baselineSeeds, int candidateSeeds, SampleDesign design, double alpha, double power)
    {
        if (design == SampleDesign.Paired)
        {
            var n = Math.Min(baselineSeeds, candidateSeeds);
            var df = n - 1.0;
            return (StudentTQuantile.Of(1 - alpha, df) + StudentTQuantile.Of(power, df)) / Math.Sqrt(n);
        }
        var dfTwo = baselineSeeds + candidateSeeds - 2.0;
        return (StudentTQuantile.Of(1 - alpha, dfTwo) + StudentTQuantile.Of(power, dfTwo))
            * Math.Sqrt(1.0 / baselineSeeds + 1.0 / candidateSeeds);
    }

    private static double Quantile(double p, int n, SampleDesign design) =>
        StudentTQuantile.Of(p, design == SampleDesign.Paired ? n - 1 : 2 * n - 2);

    private static double Square(double x) => x * x;
}
