using MathNet.Numerics.Distributions;

namespace Touchstone.Gate.Tests.Statistics;

// Reference values: Reference/statistics_reference.py, run with /usr/bin/python3 and mpmath 1.3.0 at 30 digits.
// The t CDF there is 1 − ½·I_x(ν/2, ½) with x = ν/(ν + t²) (mpmath.betainc, regularized), the quantile is
// mpmath.findroot on that CDF (see StudentTQuantileTests). The integer-ν quantiles there also match printed t tables
// (t₀.₉₇₅,₁₀ = 2.228, t₀.₉₅,₄ = 2.132, t₀.₉₅,₈ = 1.860). These pin the MathNet CDF the gate relies on, fractional ν included.
public sealed class StudentTReferenceTests
{
    [Theory]
    [InlineData(2.0, 5.0, 0.949030260585070821877)]
    [InlineData(-1.3, 7.3, 0.116570775033082905728)]
    [InlineData(0.7, 2.5, 0.728297528405225960901)]
    public void Cdf_matches_incomplete_beta_reference(double t, double df, double expected)
    {
        Assert.Equal(expected, StudentT.CDF(0, 1, df, t), 12);
    }
}
