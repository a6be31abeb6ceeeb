using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod;

/// <summary>Reading scalars back from the device.</summary>
public static class Scalars
{
    /// <summary>The value of a one-element tensor as a double.</summary>
    public static double Read(Tensor scalar)
    {
        using var asDouble = scalar.To(DType.Float64);
        return asDouble.Item<double>();
    }
}
