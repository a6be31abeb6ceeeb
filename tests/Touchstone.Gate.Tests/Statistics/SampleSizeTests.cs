using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Tests.Statistics;

// References: Reference/statistics_reference.py (/usr/bin/python3, mpmath 1.3.0). Exact power of the one-sided
// two-sample t-test was computed there by integrating the noncentral t: with δ = σ, 13 seeds per side give power
// 0.797 and 14 give 0.824, so 14 is the exact answer; the large-sample constant 2·(z₀.₉₅ + z₀.₈)² = 12.365.
public sealed class SampleSizeTests
{
    [Fact]
    public void Seeds_for_one_sd_two_sample_match_exact_noncentral_power()
    {
        Assert.Equal(14, SampleSize.SeedsPerSide(1.0, 1.0, SampleDesign.TwoSample, 0.05, 0.8));
    }

    [Fact]
    public void Seeds_approach_the_normal_formula_for_small_effects()
    {
        // σ/δ = 20: normal formula 12.365·400 = 4946.0; the t correction adds a few seeds at most.
        var n = SampleSize.SeedsPerSide(20.0, 1.0, SampleDesign.TwoSample, 0.05, 0.8)!.Value;
        Assert.InRange(n, 4946, 4950);
    }

    [Fact]
    public void Paired_needs_about_half_the_two_sample_count_at_the_same_sigma()
    {
        // Paired: n = ((t + t)·σ/δ)², ~6.18·(σ/δ)² for large n; at σ/δ = 20 that is 2473.
        var n = SampleSize.SeedsPerSide(20.0, 1.0, SampleDesign.Paired, 0.05, 0.8)!.Value;
        Assert.InRange(n, 2473, 2477);
    }

    [Fact]
    public void Large_effects_need_only_two_seeds()
    {
        Assert.Equal(2, SampleSize.SeedsPerSide(0.01, 1.0, SampleDesign.TwoSample, 0.05, 0.8));
    }

    [Fact]
    public void No_effect_or_an_impractical_count_gives_null()
    {
        Assert.Null(SampleSize.SeedsPerSide(1.0, 0.0, SampleDesign.TwoSample, 0.05, 0.8));
        Assert.Null(SampleSize.SeedsPerSide(1.0, 1e-5, SampleDesign.TwoSample, 0.05, 0.8));
    }

    [Theory]
    [InlineData(5, 5, SampleDesign.TwoSample, 1.73826453629728028062)]
    [InlineData(3, 3, SampleDesign.TwoSample, 2.50893997218409912370)]
    [InlineData(10, 10, SampleDesign.TwoSample, 1.16101670464863209591)]
    [InlineData(5, 5, SampleDesign.Paired, 1.37420301819161510142)]
    public void Detectable_shift_matches_reference(int nb, int nc, SampleDesign design, double expected)
    {
        Assert.Equal(expected, SampleSize.DetectableShift(nb, nc, design, 0.05, 0.8), 8);
    }
}
