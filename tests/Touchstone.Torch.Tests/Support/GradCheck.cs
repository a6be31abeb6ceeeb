namespace Touchstone.Torch.Tests.Support;

/// <summary>Compares autograd's gradients with central finite differences in float64.</summary>
public static class GradCheck
{
    private const double Eps = 1e-6;

    /// <summary>Checks the gradient of f at the given float64 inputs (each made a leaf that requires grad).
    /// Non-scalar outputs are contracted with fixed random weights so every output element is checked.</summary>
    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (var x in inputs)
        {
            x.RequiresGrad = true;
        }
        CheckLeaves(() => f(inputs), inputs);
    }

    /// <summary>Checks the gradient of loss() with respect to leaves (float64 leaves that require grad, e.g. a
    /// module's parameters), perturbing each element of each leaf in place.</summary>
    public static void CheckLeaves(Func<Tensor> loss, IReadOnlyList<Tensor> leaves, double atol = 1e-5, double rtol = 1e-3)
    {
        using var scope = DisposeScope.Begin();
        foreach (var leaf in leaves)
        {
            Assert.True(leaf.DType == DType.Float64, $"gradcheck needs float64 leaves, got {leaf.DType}");
        }
        Tensor? weights = null;
        Tensor Scalar()
        {
            var output = loss();
            if (output.NumEl == 1)
            {
                return output.Sum();
            }
            using var g = new Generator(1234);
            weights ??= Tensor.Randn(output.Shape, g, DType.Float64);
            return (output * weights).Sum();
        }

        var analytic = Autograd.Grad([Scalar()], leaves, allowUnused: true);
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var shape = leaf.Shape;
            var values = leaf.ToArray<double>();
            var expected = analytic[i]?.ToArray<double>() ?? new double[values.Length];
            for (var j = 0; j < values.Length; j++)
            {
                var plus = Evaluate(leaf, values, shape, j, values[j] + Eps, Scalar);
                var minus = Evaluate(leaf, values, shape, j, values[j] - Eps, Scalar);
                Set(leaf, values, shape);
                var numeric = (plus - minus) / (2 * Eps);
                var tolerance = atol + rtol * Math.Abs(numeric);
                Assert.True(Math.Abs(expected[j] - numeric) <= tolerance,
                    $"leaf {i} element {j}: autograd gives {expected[j]:R}, finite differences {numeric:R}");
            }
        }
    }

    private static double Evaluate(Tensor leaf, double[] values, long[] shape, int index, double value, Func<Tensor> scalar)
    {
        using var scope = DisposeScope.Begin();
        var perturbed = (double[])values.Clone();
        perturbed[index] = value;
        Set(leaf, perturbed, shape);
        // Not under no_grad: the function may itself differentiate (an unrolled gradient step).
        return scalar().Item<double>();
    }

    private static void Set(Tensor leaf, double[] values, long[] shape)
    {
        using var scope = DisposeScope.Begin();
        using var _ = Autograd.NoGrad();
        leaf.Copy_(Tensor.From(values, shape));
    }
}
