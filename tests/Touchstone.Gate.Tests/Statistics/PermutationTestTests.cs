using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Tests.Statistics;

// Expected p-values enumerated by hand in the comments.
public sealed class PermutationTestTests
{
    [Fact]
    public void Sign_flip_counts_arrangements_at_least_as_extreme()
    {
        // ±1 ±2 ±3: only +1+2+3 = 6 reaches the observed 6 → 1/8.
        var result = PermutationTest.SignFlip([1, 2, 3], 1000)!;
        Assert.Equal(1.0 / 8, result.PValue);
        Assert.Equal(8, result.Arrangements);
    }

    [Fact]
    public void Sign_flip_counts_ties_with_the_observed_sum()
    {
        // Observed 1 − 2 + 3 = 2; the eight sums are 6, 4, 2, 0, 0, −2, −4, −6 → 3 of 8 are ≥ 2.
        Assert.Equal(3.0 / 8, PermutationTest.SignFlip([1, -2, 3], 1000)!.PValue);
    }

    [Fact]
    public void Sign_flip_treats_rounding_differences_as_ties()
    {
        // 0.1 + 0.2 and 0.3 differ in the last bit; flipping both small ones or the big one is a tie.
        var result = PermutationTest.SignFlip([0.1, 0.2, -0.3], 1000)!;
        // Sums: ±0.1 ±0.2 ∓0.3 — observed 0; arrangements ≥ 0: (+,+,−)=0, (+,+,+)=0.6, (−,+,+)=0.4, (+,−,+)=0.2, (−,−,+)=0 → 5 of 8.
        Assert.Equal(5.0 / 8, result.PValue);
    }

    [Fact]
    public void Two_sample_enumerates_all_relabellings()
    {
        // Pool {3, 4, 1, 2}, group of 2: sums 3, 4, 5, 5, 6, 7; observed 7 → 1/6.
        var result = PermutationTest.TwoSample([3, 4], [1, 2], 1000)!;
        Assert.Equal(1.0 / 6, result.PValue);
        Assert.Equal(6, result.Arrangements);
        Assert.Equal(1.0 / 6, result.SmallestPossiblePValue);
    }

    [Fact]
    public void Two_sample_with_group_below_is_not_significant()
    {
        // Observed sum 3 is the smallest; all 6 sums are ≥ 3.
        Assert.Equal(1.0, PermutationTest.TwoSample([1, 2], [3, 4], 1000)!.PValue);
    }

    [Fact]
    public void Too_many_arrangements_give_no_result()
    {
        Assert.Null(PermutationTest.SignFlip(new double[11], 1000));
        Assert.NotNull(PermutationTest.SignFlip(new double[9], 1000));
        Assert.Null(PermutationTest.TwoSample(new double[6], new double[6], 900)); // C(12, 6) = 924
        Assert.Equal(924, PermutationTest.TwoSampleArrangements(6, 6));
        Assert.Equal(252, PermutationTest.TwoSampleArrangements(5, 5));
    }
}
