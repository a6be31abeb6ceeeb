using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Tests.Statistics;

public sealed class MultiplicityTests
{
    // Worked by hand from the definitions. Sorted: 0.005 (4th), 0.01 (1st), 0.03 (3rd), 0.04 (2nd), m = 4.
    // Holm: 4·0.005 = 0.02; 3·0.01 = 0.03; 2·0.03 = 0.06; 1·0.04 = 0.04 → running max 0.06.
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005];

    [Fact]
    public void Holm_adjusts_by_remaining_count_with_running_maximum()
    {
        Assert.Equal([0.03, 0.06, 0.06, 0.02], Holm.Adjust(P), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Holm_caps_at_one_and_keeps_exact_zeros()
    {
        Assert.Equal([1.0, 0.0, 1.0], Holm.Adjust([0.6, 0.0, 0.5]), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Holm_of_a_single_test_is_the_raw_p()
    {
        Assert.Equal([0.0123], Holm.Adjust([0.0123]));
    }

    [Fact]
    public void Benjamini_hochberg_takes_running_minimum_from_the_top()
    {
        // m·p/rank: 0.005→0.02, 0.01→0.02, 0.03→0.04, 0.04→0.04; minimum from the largest down keeps them.
        Assert.Equal([0.02, 0.04, 0.04, 0.02], BenjaminiHochberg.Adjust(P), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Benjamini_hochberg_lets_a_larger_p_lower_a_smaller_ones_q()
    {
        // m·p/rank: 0.02·3/1 = 0.06, 0.025·3/2 = 0.0375, 0.03·3/3 = 0.03 → q = 0.03 for all three.
        Assert.Equal([0.03, 0.03, 0.03], BenjaminiHochberg.Adjust([0.02, 0.025, 0.03]), new ToleranceComparer(1e-15));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
