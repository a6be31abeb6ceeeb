using MathNet.Numerics.Distributions;

namespace Touchstone.Gate.Statistics;

/// <summary>
/// An estimated mean difference whose standardized error follows Student's t: what the paired and Welch tests
/// produce. One-sided p-values against a shifted null and confidence intervals are read off it.
/// </summary>
/// <param name="Difference">The estimated difference.</param>
/// <param name="StandardError">Its standard error (positive).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference distribution.</param>
public sealed record DifferenceEstimate(double Difference, double StandardError, double DegreesOfFreedom)
{
    /// <summary>The t statistic against a null value: (difference − null) / standard error.</summary>
    public double TStatistic(double nullValue) => (Difference - nullValue) / StandardError;

    /// <summary>p-value of H0: true difference ≤ <paramref name="nullValue"/> against H1: it is greater.</summary>
    public double PValueGreater(double nullValue) =>
        1 - StudentT.CDF(0, 1, DegreesOfFreedom, TStatistic(nullValue));

    /// <summary>p-value of H0: true difference ≥ <paramref name="nullValue"/> against H1: it is smaller.</summary>
    public double PValueLess(double nullValue) => StudentT.CDF(0, 1, DegreesOfFreedom, TStatistic(nullValue));

    /// <summary>Two-sided confidence interval at <paramref name="level"/> (e.g. 0.90).</summary>
    public (double Low, double High) ConfidenceInterval(double level)
    {
        var t = StudentTQuantile.Of(1 - (1 - level) / 2, DegreesOfFreedom);
        return (Difference - t * StandardError, Difference + t * StandardError);
    }
}
