using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Tests.Statistics;

// Reference values: Reference/statistics_reference.py (/usr/bin/python3, mpmath 1.3.0 at 30 digits, exact
// fractions for means, variances and the Welch–Satterthwaite degrees of freedom).
public sealed class TTestTests
{
    private static readonly double[] Differences = [0.12, -0.05, 0.31, 0.08, 0.19];
    private static readonly double[] Candidate = [10.2, 11.5, 9.8, 12.1, 10.9];
    private static readonly double[] Baseline = [9.1, 9.6, 10.4, 9.9, 9.3, 10.0];

    [Fact]
    public void Paired_estimate_has_mean_standard_error_and_n_minus_one_df()
    {
        var estimate = PairedTTest.Estimate(Differences);
        Assert.Equal(0.13, estimate.Difference, 14);
        Assert.Equal(0.0595818764390649247703, estimate.StandardError, 14);
        Assert.Equal(4, estimate.DegreesOfFreedom);
    }

    [Theory]
    [InlineData(0.0, 2.18187153157139161131, 0.0472732709973462673167)]
    [InlineData(0.05, 1.34269017327470253003, 0.125252339885867784153)]
    public void Paired_one_sided_p_against_shifted_null_matches_reference(double shift, double t, double p)
    {
        var estimate = PairedTTest.Estimate(Differences);
        Assert.Equal(t, estimate.TStatistic(shift), 12);
        Assert.Equal(p, estimate.PValueGreater(shift), 11);
        Assert.Equal(1 - p, estimate.PValueLess(shift), 11);
    }

    [Fact]
    public void Welch_satterthwaite_df_matches_exact_fraction()
    {
        // ν = 73689605 / 12877846 computed with Python fractions from the same data.
        var df = WelchTTest.SatterthwaiteDegreesOfFreedom(Descriptive.Summarize(Candidate), Descriptive.Summarize(Baseline));
        Assert.Equal(73689605.0 / 12877846.0, df, 12);
    }

    [Fact]
    public void Welch_estimate_and_p_values_match_reference()
    {
        var estimate = WelchTTest.Estimate(Descriptive.Summarize(Candidate), Descriptive.Summarize(Baseline));
        Assert.Equal(1.18333333333333333333, estimate.Difference, 13);
        Assert.Equal(0.461820070782743024968, estimate.StandardError, 13);
        Assert.Equal(0.0223136461270799243917, estimate.PValueGreater(0), 11);
        Assert.Equal(0.0958992154306637409095, estimate.PValueGreater(0.5), 11);
        Assert.Equal(0.904100784569336259091, estimate.PValueLess(0.5), 11);
    }

    [Fact]
    public void Welch_confidence_interval_at_90_percent_matches_reference()
    {
        var estimate = WelchTTest.Estimate(Descriptive.Summarize(Candidate), Descriptive.Summarize(Baseline));
        var (low, high) = estimate.ConfidenceInterval(0.90);
        Assert.Equal(0.278070655991976093691, low, 8);
        Assert.Equal(2.08859601067469057298, high, 8);
    }

    [Fact]
    public void Welch_with_one_constant_side_uses_the_other_sides_n_minus_one()
    {
        double[] constant = [2.5, 2.5, 2.5, 2.5];
        double[] varying = [2.61, 2.70, 2.58, 2.66, 2.75];
        var estimate = WelchTTest.Estimate(Descriptive.Summarize(varying), Descriptive.Summarize(constant));
        Assert.Equal(4, estimate.DegreesOfFreedom, 12);
        Assert.Equal(0.0304959013639538124736, estimate.StandardError, 14);
        Assert.Equal(0.16, estimate.Difference, 14);
        Assert.Equal(0.00315588635102189041488, estimate.PValueGreater(0), 11);
    }

    [Fact]
    public void Paired_test_refuses_constant_differences_instead_of_dividing_by_zero()
    {
        Assert.Throws<ArgumentException>(() => PairedTTest.Estimate([0.1, 0.1, 0.1]));
        Assert.Throws<ArgumentException>(() => PairedTTest.Estimate([0.1]));
    }

    [Fact]
    public void Welch_refuses_two_constant_sides_and_single_values()
    {
        Assert.Throws<ArgumentException>(() => WelchTTest.Estimate(Descriptive.Summarize([1.0, 1.0]), Descriptive.Summarize([2.0, 2.0])));
        Assert.Throws<ArgumentException>(() => WelchTTest.Estimate(Descriptive.Summarize([1.0]), Descriptive.Summarize([2.0, 2.1])));
    }
}
