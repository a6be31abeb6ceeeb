using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class ElementwiseTests
{
    [Fact]
    public void Arithmetic_operators_broadcast()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From([1f, 2, 3, 4, 5, 6], [2, 3]);
        var b = Tensor.From([10f, 20, 30], [3]);
        Values.Equal([11, 22, 33, 14, 25, 36], a + b);
        Values.Equal([-9, -18, -27, -6, -15, -24], a - b);
        Values.Equal([10, 40, 90, 40, 100, 180], a * b);
        Values.Equal([0.1, 0.1, 0.1, 0.4, 0.25, 0.2], a / b);
        Values.Equal([3, 4, 5, 6, 7, 8], a + 2);
        Values.Equal([9, 8, 7, 6, 5, 4], 10 - a);
        Values.Equal([2, 1, 2.0 / 3, 0.5, 0.4, 1.0 / 3], 2.0 / a);
        Values.Equal([-1, -2, -3, -4, -5, -6], -a);
        Values.Equal([1, 4, 9, 16, 25, 36], a.Pow(2));
        Values.Equal([1, 0, 1, 0, 1, 0], Tensor.From([1L, 2, 3, 4, 5, 6]) % 2);
    }

    [Fact]
    public void Integer_tensors_stay_integer_with_integer_scalars_and_promote_with_real_ones()
    {
        using var scope = DisposeScope.Begin();
        var i = Tensor.From([1L, 2, 3]);
        Assert.Equal(DType.Int64, (i + 1).DType);
        Assert.Equal(DType.Float32, (i + 0.5).DType);
        Assert.Equal(DType.Float32, (i / 2).DType);
        Assert.Equal(DType.Float32, (Tensor.Ones([2]) * 3L).DType);
    }

    [Fact]
    public void Comparisons_and_where_give_boolean_masks()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From([1f, 5, 3]);
        var b = Tensor.From([2f, 5, 1]);
        Assert.Equal([true, false, false], (a < b).ToArray<bool>());
        Assert.Equal([true, true, false], (a <= b).ToArray<bool>());
        Assert.Equal([false, false, true], (a > b).ToArray<bool>());
        Assert.Equal([false, true, true], (a >= b).ToArray<bool>());
        Assert.Equal([false, true, false], a.Eq(b).ToArray<bool>());
        Assert.Equal([true, false, true], a.Ne(b).ToArray<bool>());
        Assert.Equal([false, true, true], (a > 2.5).ToArray<bool>());
        Assert.Equal([false, false, true], ((a > b) & (a > 0)).ToArray<bool>());
        Assert.Equal([true, true, false], (!(a > b)).ToArray<bool>());
        Values.Equal([2, 5, 3], Tensor.Where(a > b, a, b));
        Values.Equal([1, 5, 1], Tensor.Where(a > b, b, a));
        Values.Equal([2, 5, 3], a.Maximum(b));
        Values.Equal([1, 5, 1], a.Minimum(b));
    }

    [Fact]
    public void Unary_functions_match_their_definitions()
    {
        using var scope = DisposeScope.Begin();
        double[] xs = [-2, -0.5, 0.3, 1.7];
        var x = Tensor.From(xs);
        Values.Equal(xs.Select(Math.Abs).ToArray(), x.Abs());
        Values.Equal(xs.Select(Math.Exp).ToArray(), x.Exp(), 1e-12);
        Values.Equal(xs.Select(v => Math.Log(Math.Abs(v))).ToArray(), x.Abs().Log(), 1e-12);
        Values.Equal(xs.Select(v => Math.Sqrt(Math.Abs(v))).ToArray(), x.Abs().Sqrt(), 1e-12);
        Values.Equal(xs.Select(Math.Sin).ToArray(), x.Sin(), 1e-12);
        Values.Equal(xs.Select(Math.Cos).ToArray(), x.Cos(), 1e-12);
        Values.Equal(xs.Select(Math.Tanh).ToArray(), x.Tanh(), 1e-12);
        Values.Equal(xs.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), x.Sigmoid(), 1e-12);
        Values.Equal(xs.Select(v => Math.Max(v, 0)).ToArray(), x.Relu());
        Values.Equal(xs.Select(v => v / (1 + Math.Exp(-v))).ToArray(), x.Silu(), 1e-12);
        Values.Equal(xs.Select(v => 0.5 * v * (1 + Erf(v / Math.Sqrt(2)))).ToArray(), x.Gelu(), 1e-7);
        Values.Equal(xs.Select(v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))).ToArray(), x.Gelu(tanhApproximation: true), 1e-12);
        Values.Equal([-1, -0.5, 0.3, 1], x.Clamp(-1, 1));
        Values.Equal([-0.5, -0.5, 0.3, 1.7], x.Clamp(min: -0.5));
        Values.Equal([4, 0.25, 0.09, 2.89], x.Square(), 1e-12);
    }

    [Fact]
    public void Softmax_log_softmax_and_logsumexp_are_consistent_and_stable()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From(new double[,] { { 1, 2, 3 }, { 1000, 1000, 1000 } });
        var s = x.Softmax(1).ToArray<double>();
        var e = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) };
        Assert.Equal(e[0] / e.Sum(), s[0], 12);
        Assert.Equal(1.0 / 3, s[4], 12);
        Values.Equal(x.Softmax(1).Log().ToArray<double>(), x.LogSoftmax(1), 1e-12);
        Values.Equal([Math.Log(e.Sum()), 1000 + Math.Log(3)], x.LogSumExp(1), 1e-12);
    }

    [Fact]
    public void In_place_operations_change_the_tensor_itself()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Ones([3]);
        x.Add_(Tensor.From([1f, 2, 3]), alpha: 2).Mul_(2).Sub_(Tensor.Ones([3])).Div_(2);
        Values.Equal([2.5, 4.5, 6.5], x);
        x.Fill_(7);
        Values.Equal([7, 7, 7], x);
        x.Zero_();
        Values.Equal([0, 0, 0], x);
    }

    private static double Erf(double x)
    {
        // Abramowitz-Stegun 7.1.26 is too coarse for 1e-7; integrate the series instead.
        double sum = 0, term = x;
        for (var n = 0; n < 60; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
