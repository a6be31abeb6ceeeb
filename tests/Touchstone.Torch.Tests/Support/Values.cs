namespace Touchstone.Torch.Tests.Support;

/// <summary>Assertions on tensor values.</summary>
public static class Values
{
    public static void Equal(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var values = actual.DType == DType.Float64 ? actual.ToArray<double>() : ToDoubles(actual);
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {values[i]:R} (tensor {actual.Describe()})");
        }
    }

    public static double[] ToDoubles(Tensor t)
    {
        using var d = t.To(DType.Float64);
        return d.ToArray<double>();
    }

    public static void Shape(long[] expected, Tensor actual) => Assert.Equal(expected, actual.Shape);
}
