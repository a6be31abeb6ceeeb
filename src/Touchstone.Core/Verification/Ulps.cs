namespace Touchstone.Core.Verification;

/// <summary>Distances between doubles in units in the last place: how many representable doubles lie between two values.</summary>
public static class Ulps
{
    /// <summary>
    /// The number of steps between <paramref name="a"/> and <paramref name="b"/> along the doubles (0 for equal bits,
    /// 1 for neighbours; +0 and −0 are one apart). Null when either is NaN, which has no place on that line.
    /// </summary>
    public static UInt128? Between(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return null;
        }
        var (x, y) = (Ordered(a), Ordered(b));
        return (UInt128)(x > y ? x - y : y - x);
    }

    // Maps the bit patterns onto integers in the order of the values: positive doubles keep their bits, negative
    // ones are mirrored below zero, so that neighbouring doubles are neighbouring integers.
    private static Int128 Ordered(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : -(Int128)(bits & long.MaxValue) - 1;
    }
}
