using Touchstone.Suites.Common.Numpy;
using Touchstone.Suites.RegressionVsFlow;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class TargetsTests
{
    [Fact]
    public void Primes_are_the_sources_sequence()
    {
        Assert.Equal([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37], Targets.Primes(12));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(1.0)]
    public void Reconstruction_target_is_sin_2c_plus_03_plus_cos_5c_plus_07_plus_sin_11c_plus_13(double c)
    {
        var expected = Math.Sin(2 * c + 0.3) + Math.Cos(5 * c + 0.7) + Math.Sin(11 * c + 1.3);

        Assert.Equal(expected, new Targets(RvfTestConfigs.Recon()).Value(c)[0], 12);
    }

    [Fact]
    public void Reconstruction_target_at_zero_is_the_hand_computed_value()
    {
        // sin(0.3) + cos(0.7) + sin(1.3) = 0.29552021 + 0.76484219 + 0.96355819
        Assert.Equal(2.02392059, new Targets(RvfTestConfigs.Recon()).Value(0)[0], 7);
    }

    [Fact]
    public void Projection_dimension_d_takes_the_primes_6d_to_6d_plus_5()
    {
        var targets = new Targets(RvfTestConfigs.FirstProj());
        const double c = 0.61;

        // Dimension 1: primes 17, 19, 23, 29, 31, 37 → sin(17c + 1.9) + cos(23c + 2.9) + sin(31c + 3.7).
        Assert.Equal(Math.Sin(17 * c + 1.9) + Math.Cos(23 * c + 2.9) + Math.Sin(31 * c + 3.7), targets.Base(c)[1], 12);
    }

    [Fact]
    public void Numpy_legacy_gaussian_reproduces_np_random_seed_then_randn()
    {
        // Facts from NumPy 1.24: np.random.seed(0); np.random.randn(5) and np.random.seed(46); np.random.randn(8, 2).
        var zero = new NumpyLegacyGaussian(0);
        Assert.Equal([1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675],
            Enumerable.Range(0, 5).Select(_ => zero.NextGaussian()));
        var a = new NumpyLegacyGaussian(46).NextGaussianMatrix(8, 2);
        Assert.Equal(0.5848758398705177, a[0, 0], 15);
        Assert.Equal(1.2311957404405667, a[0, 1], 15);
        Assert.Equal(-0.17615661421495807, a[2, 1], 15);
        Assert.Equal(0.8166669991498587, a[7, 1], 15);
    }

    [Fact]
    public void Projection_matrix_is_the_sources_for_seed_46()
    {
        // Facts from NumPy: A = randn(8, 2) after seed(46); P = A inv(AᵀA + 1e-10 I) Aᵀ; and seed 55 with rank 3.
        var p = Targets.ProjectionMatrix(8, 2, 46);
        Assert.Equal(0.5656949537251268, p[0, 0], 12);
        Assert.Equal(-0.10744147297903378, p[0, 1], 12);
        Assert.Equal(-0.10278454108393975, p[7, 3], 12);
        var q = Targets.ProjectionMatrix(8, 3, 55);
        Assert.Equal(0.09245573557448508, q[2, 5], 12);
        Assert.Equal(0.7856823931398834, q[4, 4], 12);
    }

    [Theory]
    [InlineData(2, 46)]
    [InlineData(3, 51)]
    public void Projection_is_symmetric_idempotent_and_of_the_configured_rank(int rank, int seed)
    {
        var p = Targets.ProjectionMatrix(8, rank, seed);

        for (var r = 0; r < 8; r++)
        {
            for (var c = 0; c < 8; c++)
            {
                Assert.Equal(p[r, c], p[c, r], 12);
                var square = Enumerable.Range(0, 8).Sum(k => p[r, k] * p[k, c]);
                Assert.Equal(p[r, c], square, 9);
            }
        }
        var (eigenvalues, _) = DenseMatrix.SymmetricEigen(p);
        Assert.All(eigenvalues.Take(rank), v => Assert.Equal(1.0, v, 9));
        Assert.All(eigenvalues.Skip(rank), v => Assert.Equal(0.0, v, 9));
    }

    [Fact]
    public void Projection_target_lies_in_the_column_space_of_its_intervals_projection()
    {
        var targets = new Targets(RvfTestConfigs.FinalProj());

        foreach (var c in new[] { 0.0, 0.05, 0.1999, 0.5, 0.93, 1.0 })
        {
            var g = targets.Value(c);
            var projected = DenseMatrix.Apply(targets.Projections[targets.IntervalOf(c)], g);
            Assert.Equal(g, projected, (a, b) => Math.Abs(a - b) < 1e-9);
            // ...and not in some other interval's (the final version's projections differ per interval).
            var other = DenseMatrix.Apply(targets.Projections[(targets.IntervalOf(c) + 1) % 10], g);
            Assert.True(g.Zip(other).Sum(z => Math.Abs(z.First - z.Second)) > 1e-3);
        }
    }

    [Fact]
    public void Final_version_has_ten_intervals_seeded_46_to_55_and_the_first_version_one()
    {
        var final = new Targets(RvfTestConfigs.FinalProj());
        var first = new Targets(RvfTestConfigs.FirstProj());

        Assert.Equal(10, final.Projections.Count);
        Assert.Equal(Targets.ProjectionMatrix(8, 3, 55), final.Projections[9]);
        Assert.Equal([0, 0, 1, 5, 9, 9], new[] { 0.0, 0.0999, 0.1001, 0.55, 0.95, 1.0 }.Select(final.IntervalOf));
        Assert.Single(first.Projections);
        Assert.Equal(0, first.IntervalOf(0.99));
    }

    [Fact]
    public void Grid_is_float32_linspace_with_targets_computed_at_the_float32_points()
    {
        var targets = new Targets(RvfTestConfigs.Recon());
        var (c, x) = targets.Grid(50);

        Assert.Equal(50, c.Length);
        Assert.Equal(0f, c[0]);
        Assert.Equal(1f, c[^1]);
        Assert.Equal((float)(1.0 / 49), c[1]);
        Assert.Equal((float)targets.Value(c[17])[0], x[17]);
    }
}
