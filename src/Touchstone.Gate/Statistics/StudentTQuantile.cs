using MathNet.Numerics.Distributions;

namespace Touchstone.Gate.Statistics;

/// <summary>
/// Quantiles of Student's t. MathNet documents its <c>StudentT.InvCDF</c> as "not an explicit implementation, hence
/// slow and unreliable"; the gate needs quantiles in every confidence interval and in each step of the sample-size
/// search, so this inverts MathNet's CDF by safeguarded Newton steps from the Cornish–Fisher expansion.
/// </summary>
public static class StudentTQuantile
{
    /// <summary>The <paramref name="p"/>-quantile of Student's t with <paramref name="df"/> degrees of freedom (df may be fractional).</summary>
    public static double Of(double p, double df)
    {
        if (!(df > 0) || double.IsNaN(p))
        {
            return double.NaN;
        }
        if (p <= 0)
        {
            return p == 0 ? double.NegativeInfinity : double.NaN;
        }
        if (p >= 1)
        {
            return p == 1 ? double.PositiveInfinity : double.NaN;
        }
        if (p == 0.5)
        {
            return 0;
        }
        // The distribution is symmetric: solve in the upper half, where the CDF has the most precision to spare.
        return p < 0.5 ? -Upper(1 - p, df) : Upper(p, df);
    }

    private static double Upper(double p, double df)
    {
        var t = CornishFisher(p, df);
        // Keep a bracket [low, high] around the root so a Newton step that overshoots (heavy tails at small df)
        // falls back to bisection.
        double low = 0, high = double.PositiveInfinity;
        for (var i = 0; i < 200; i++)
        {
            var excess = StudentT.CDF(0, 1, df, t) - p;
            if (excess == 0)
            {
                return t;
            }
            if (excess < 0)
            {
                low = t;
            }
            else
            {
                high = t;
            }
            var next = t - excess / StudentT.PDF(0, 1, df, t);
            if (!(next > low && next < high))
            {
                next = double.IsPositiveInfinity(high) ? 2 * low + 1 : (low + high) / 2;
            }
            if (Math.Abs(next - t) <= 4 * Descriptive.MachineEpsilon * Math.Max(1, Math.Abs(t)))
            {
                return next;
            }
            t = next;
        }
        return t;
    }

    // Abramowitz & Stegun 26.7.5: t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴ around the normal quantile z.
    private static double CornishFisher(double p, double df)
    {
        var z = Normal.InvCDF(0, 1, p);
        var z2 = z * z;
        var g1 = z * (z2 + 1) / 4;
        var g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
        var g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
        var g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
        var start = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
        // For very small ν the expansion can run away; any positive start is fine for the safeguarded iteration.
        return double.IsFinite(start) && start > 0 ? Math.Min(start, 1e6) : 1;
    }
}
