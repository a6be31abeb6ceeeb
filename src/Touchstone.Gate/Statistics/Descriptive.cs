namespace Touchstone.Gate.Statistics;

/// <summary>Size, mean and standard deviation of a sample of per-seed values.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean (NaN when empty).</param>
/// <param name="StandardDeviation">Sample standard deviation with n − 1 in the denominator (NaN when n &lt; 2).</param>
public sealed record SampleSummary(int N, double Mean, double StandardDeviation)
{
    /// <summary>The sample variance, <see cref="StandardDeviation"/> squared.</summary>
    public double Variance => StandardDeviation * StandardDeviation;
}

/// <summary>Descriptive statistics of small samples, computed in a fixed order so results are bit-reproducible.</summary>
public static class Descriptive
{
    /// <summary>
    /// How far apart values may be and still count as identical: a few units in the last place of the largest
    /// magnitude involved. Differences such as <c>(x + c) − x</c> vary by rounding alone; treating that as seed
    /// variance would give t-statistics of 10¹⁵ and nonsense degrees of freedom.
    /// </summary>
    public const double RoundingTolerance = 16 * MachineEpsilon;

    /// <summary>The spacing of doubles at 1.0, 2⁻⁵².</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Mean and sample standard deviation (two-pass, so large offsets do not cancel the spread).</summary>
    public static SampleSummary Summarize(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return new SampleSummary(0, double.NaN, double.NaN);
        }
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        var mean = sum / n;
        if (n == 1)
        {
            return new SampleSummary(1, mean, double.NaN);
        }
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }
        return new SampleSummary(n, mean, Math.Sqrt(squares / (n - 1)));
    }

    /// <summary>
    /// True when every value equals every other up to rounding at <paramref name="scale"/> (the largest magnitude
    /// the values were computed from; for differences, the magnitude of the values subtracted).
    /// </summary>
    public static bool IsConstant(IReadOnlyList<double> values, double scale)
    {
        if (values.Count == 0)
        {
            return true;
        }
        var min = values.Min();
        var max = values.Max();
        return max - min <= RoundingTolerance * Math.Max(scale, Math.Max(Math.Abs(min), Math.Abs(max)));
    }

    /// <summary>The largest magnitude among the values (0 for none).</summary>
    public static double Scale(IEnumerable<double> values) => values.Select(Math.Abs).DefaultIfEmpty(0).Max();
}
