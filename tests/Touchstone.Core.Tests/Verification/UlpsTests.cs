using Touchstone.Core.Verification;

namespace Touchstone.Core.Tests.Verification;

public sealed class UlpsTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(-3.5e-7)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    public void Neighbouring_doubles_are_one_ulp_apart(double value)
    {
        Assert.Equal((UInt128)1, Ulps.Between(value, Math.BitIncrement(value)));
        Assert.Equal((UInt128)1, Ulps.Between(Math.BitDecrement(value), value));
        Assert.Equal(UInt128.Zero, Ulps.Between(value, value));
    }

    [Fact]
    public void Distances_cross_zero_and_signed_zeros_are_one_apart()
    {
        Assert.Equal((UInt128)1, Ulps.Between(0.0, -0.0));
        Assert.Equal((UInt128)3, Ulps.Between(-double.Epsilon, double.Epsilon));
    }

    [Fact]
    public void Nan_has_no_distance()
    {
        Assert.Null(Ulps.Between(double.NaN, 1.0));
    }
}
